/** Agreements (contracts) established with customers: the TMF651 wire records. */
package org.crmbackoffice.model.agreement;
