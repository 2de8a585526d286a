/**
 * Who may do what in the interaction log: its role table and the permission each endpoint
 * needs.
 */
package org.crmbackoffice.interactions.access;
