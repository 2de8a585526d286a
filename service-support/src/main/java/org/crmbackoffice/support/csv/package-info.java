/**
 * The one CSV writer of every CSV export: streamed, RFC 4180, UTF-8, and guarded against
 * spreadsheet formula injection.
 */
package org.crmbackoffice.support.csv;
