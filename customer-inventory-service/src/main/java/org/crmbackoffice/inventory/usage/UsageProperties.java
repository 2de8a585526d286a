package org.crmbackoffice.inventory.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of usage metering and reports. They keep the {@code crm.audit} prefix they
 * had when usage was part of the audit, so existing configurations stay valid.
 *
 * @param usageFlushInterval how often an instance adds its usage counters to the stored
 * ones
 * @param anomaly when a principal's reading counts as unusual
 * @param cost what using the inventory costs
 */
@ConfigurationProperties("crm.audit")
record UsageProperties(@DefaultValue("PT10S") Duration usageFlushInterval, @DefaultValue Anomaly anomaly,
		@DefaultValue Cost cost) {

	/**
	 * A principal's day is unusual when it read at least {@code minimumRecords} and more
	 * than {@code factor} times the median of its daily reads over the
	 * {@code trailingDays} before.
	 */
	record Anomaly(@DefaultValue("5") double factor, @DefaultValue("200") long minimumRecords,
			@DefaultValue("14") int trailingDays, @DefaultValue("PT5M") Duration checkInterval) {
	}

	/**
	 * What using the inventory costs: each request of an operation costs its
	 * {@code perOperation} figure (or {@code perRequest} for operations not listed), and
	 * each record read or written {@code perRecord} on top.
	 */
	record Cost(Map<String, BigDecimal> perOperation, @DefaultValue("0") BigDecimal perRequest,
			@DefaultValue("0") BigDecimal perRecord) {

		Cost {
			perOperation = (perOperation != null) ? Map.copyOf(perOperation) : Map.of();
		}

		BigDecimal of(String operation, long requests, long records) {
			return this.perOperation.getOrDefault(operation, this.perRequest)
				.multiply(BigDecimal.valueOf(requests))
				.add(this.perRecord.multiply(BigDecimal.valueOf(records)));
		}

	}

}
