package org.crmbackoffice.inventory.audit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reads whether reads are recorded; off only to measure what recording them costs
 * @param purposeRequiredRoles callers with any of these roles must state an {@code X-Purpose} to reach customer
 * records
 * @param readRetention how long read entries are kept; change entries are kept for good
 * @param purgeInterval how often an instance looks for read entries past their retention
 * @param usageFlushInterval how often an instance adds its usage counters to the stored ones
 */
@ConfigurationProperties("crm.audit")
record AuditProperties(@DefaultValue("true") boolean reads, Set<String> purposeRequiredRoles,
		@DefaultValue("P400D") Duration readRetention, @DefaultValue("PT1H") Duration purgeInterval,
		@DefaultValue ReadQueue readQueue, @DefaultValue("PT10S") Duration usageFlushInterval,
		@DefaultValue Anomaly anomaly, @DefaultValue Cost cost) {

	AuditProperties {
		purposeRequiredRoles = (purposeRequiredRoles != null) ? Set.copyOf(purposeRequiredRoles) : Set.of();
	}

	/**
	 * @param capacity answers waiting for their read entries at most; a request that finds the queue full fails with
	 * 503 at once rather than go unrecorded
	 * @param batchSize entries written in one transaction at most
	 * @param commitTimeout how long an answer waits for its entries to commit before it is refused with 503
	 */
	record ReadQueue(@DefaultValue("10000") int capacity, @DefaultValue("1000") int batchSize,
			@DefaultValue("PT5S") Duration commitTimeout) {
	}

	/**
	 * A principal's day is unusual when it read at least {@code minimumRecords} and more than {@code factor} times
	 * the median of its daily reads over the {@code trailingDays} before.
	 */
	record Anomaly(@DefaultValue("5") double factor, @DefaultValue("200") long minimumRecords,
			@DefaultValue("14") int trailingDays, @DefaultValue("PT5M") Duration checkInterval) {
	}

	/**
	 * What using the inventory costs: each request of an operation costs its {@code perOperation} figure (or
	 * {@code perRequest} for operations not listed), and each record read or written {@code perRecord} on top.
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
