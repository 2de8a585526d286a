/**
 * Merges of duplicate customers: a data steward names the survivor, which takes over what
 * the duplicate has and it lacks, its agreements and its open findings' resolution; the
 * duplicate is closed and redirects to the survivor. What a merge does to the customer
 * records themselves stays with them, in {@code customer.CustomerMerges}.
 */
package org.crmbackoffice.inventory.merge;
