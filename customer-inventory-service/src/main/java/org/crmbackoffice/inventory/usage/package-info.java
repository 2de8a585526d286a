/**
 * Customer inventory usage (eTOM 1.3.16: reporting the usage, access and cost of customer
 * data): per-request metering by day, principal, client and API operation, the usage and
 * cost report, and the detection of principals reading far more than usual.
 */
package org.crmbackoffice.inventory.usage;
