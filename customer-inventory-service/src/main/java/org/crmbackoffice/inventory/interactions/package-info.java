/**
 * The interaction service as seen from the inventory: a customer's recent interactions
 * for the 360 view, and all of them for the customer's GDPR download and erasure.
 */
package org.crmbackoffice.inventory.interactions;
