/**
 * TMF629 Customer Management: the customer resource and the HTTP interface of the
 * customer inventory.
 */
package org.crmbackoffice.model.customer;
