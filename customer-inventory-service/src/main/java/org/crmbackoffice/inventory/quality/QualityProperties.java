package org.crmbackoffice.inventory.quality;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm.quality.*}: when audits run on their own, how they work through the
 * customers, and each rule's settings ({@code crm.quality.rules.<rule>.enabled},
 * {@code .severity}, {@code .threshold}).
 *
 * @param schedule a cron expression for scheduled runs; {@code -} (the default) for none
 * @param chunkSize how many customers one chunk checks and commits
 * @param workers how many threads of this instance check chunks of a run at once; 0 (the
 * default) for as many as the instance has processors, within what its connection pool
 * can spare ({@link QualityRuns#workers})
 * @param staleAfter how long a running run may go without a heartbeat before another
 * instance takes it over
 * @param rules settings of rules that differ from their defaults, by rule id
 */
@ConfigurationProperties("crm.quality")
record QualityProperties(@DefaultValue("-") String schedule, @DefaultValue("1000") int chunkSize,
		@DefaultValue("0") int workers, @DefaultValue("PT2M") Duration staleAfter, Map<String, RuleSettings> rules) {

	QualityProperties {
		rules = (rules != null) ? rules : Map.of();
		if (chunkSize < 1) {
			throw new IllegalArgumentException("crm.quality.chunk-size must be positive");
		}
		if (workers < 0) {
			throw new IllegalArgumentException("crm.quality.workers must not be negative");
		}
	}

	/** A rule's settings; what is not set keeps the rule's default. */
	record RuleSettings(Boolean enabled, String severity, Double threshold) {
	}

}
