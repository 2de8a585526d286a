/**
 * The parties customers engage, served as TMF632 Party Management v5 individuals and
 * organizations: creating, changing, reading, listing and deleting them, with their
 * events and hub.
 */
package org.crmbackoffice.inventory.party;
