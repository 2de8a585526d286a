/**
 * The development launcher: an embedded PostgreSQL and both services as separate
 * processes, started with one command and stopped with Ctrl-C. Not part of any production
 * artifact.
 */
package org.crmbackoffice.localstack;
