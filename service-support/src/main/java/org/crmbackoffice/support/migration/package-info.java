/** The database tables shared by every service, with their own migration history. */
package org.crmbackoffice.support.migration;
