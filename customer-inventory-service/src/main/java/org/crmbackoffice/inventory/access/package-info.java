/**
 * Who may do what in the customer inventory: its role table and the permission each
 * endpoint needs.
 */
package org.crmbackoffice.inventory.access;
