/**
 * Background work that several instances share: locks for the jobs one instance at a time
 * must do, and the loop of the workers that drain a table in batches.
 */
package org.crmbackoffice.support.jobs;
