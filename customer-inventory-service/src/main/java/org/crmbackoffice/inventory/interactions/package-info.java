/** The interaction service as seen from the inventory: a customer's recent interactions for the 360 view. */
package org.crmbackoffice.inventory.interactions;
