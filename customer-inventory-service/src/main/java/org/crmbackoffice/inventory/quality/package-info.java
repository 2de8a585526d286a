/**
 * Data-quality audits of the customer records: rule-based runs over all customers in
 * chunks, the findings they keep, stewards' verifications and exceptions, merges of
 * duplicates, and reports of the shortcomings.
 */
package org.crmbackoffice.inventory.quality;
