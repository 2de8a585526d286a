package org.crmbackoffice.inventory.audit;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reads whether reads are recorded; off only to measure what recording them costs
 * @param purposeRequiredRoles callers with any of these roles must state an
 * {@code X-Purpose} to reach customer records
 * @param readRetention how long read entries are kept; change entries are kept for good
 * @param purgeInterval how often an instance looks for read entries past their retention
 */
@ConfigurationProperties("crm.audit")
record AuditProperties(@DefaultValue("true") boolean reads, Set<String> purposeRequiredRoles,
		@DefaultValue("P400D") Duration readRetention, @DefaultValue("PT1H") Duration purgeInterval,
		@DefaultValue ReadQueue readQueue) {

	AuditProperties {
		purposeRequiredRoles = (purposeRequiredRoles != null) ? Set.copyOf(purposeRequiredRoles) : Set.of();
	}

	/**
	 * @param capacity answers waiting for their read entries at most; a request that
	 * finds the queue full fails with 503 at once rather than go unrecorded
	 * @param batchSize entries written in one transaction at most
	 * @param commitTimeout how long an answer waits for its entries to commit before it
	 * is refused with 503
	 */
	record ReadQueue(@DefaultValue("10000") int capacity, @DefaultValue("1000") int batchSize,
			@DefaultValue("PT5S") Duration commitTimeout) {
	}

}
