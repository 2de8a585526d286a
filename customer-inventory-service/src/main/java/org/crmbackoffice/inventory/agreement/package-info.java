/**
 * Agreements (contracts) established with customers, TMF651 style, linked both ways with
 * the customer.
 */
package org.crmbackoffice.inventory.agreement;
