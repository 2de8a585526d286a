/** The customer resource of TMF629: creating, reading and listing customer records. */
package org.crmbackoffice.inventory.customer;
