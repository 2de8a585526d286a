/**
 * TMF629 v4.0.0: the customer as v4 clients send and read it, served beside v5 over the
 * same records.
 */
package org.crmbackoffice.model.customer.v4;
