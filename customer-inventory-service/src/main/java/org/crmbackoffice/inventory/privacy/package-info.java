/**
 * GDPR rights of customers: the download of everything held about one, its erasure, and
 * the record of both.
 */
package org.crmbackoffice.inventory.privacy;
