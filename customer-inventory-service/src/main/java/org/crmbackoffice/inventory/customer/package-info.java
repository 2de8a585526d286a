/**
 * The customer resource of TMF629: creating, changing, reading, listing and searching
 * customer records.
 */
package org.crmbackoffice.inventory.customer;
