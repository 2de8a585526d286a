/** Helpers for the services' stored records. */
package org.crmbackoffice.support.persistence;
