/**
 * The customer inventory as seen from the interaction log: customer references are
 * checked there over REST.
 */
package org.crmbackoffice.interactions.customer;
