/**
 * Tables partitioned by calendar month: their months created ahead of time, and whole
 * months dropped by the retention of what they hold.
 */
package org.crmbackoffice.support.partitions;
