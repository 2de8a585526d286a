/**
 * Data-quality audits of the customer records: rule-based runs over all customers in
 * chunks, the findings they keep, stewards' verifications and exceptions, and reports of
 * the shortcomings. Merging the duplicates they find is the {@code merge} package's.
 */
package org.crmbackoffice.inventory.quality;
