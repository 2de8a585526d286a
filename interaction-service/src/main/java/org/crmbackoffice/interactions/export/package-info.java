/**
 * Bulk and incremental export of the interaction log and its track record for BI systems:
 * streamed, resumable by cursor, and kept away from the live API's resources.
 */
package org.crmbackoffice.interactions.export;
