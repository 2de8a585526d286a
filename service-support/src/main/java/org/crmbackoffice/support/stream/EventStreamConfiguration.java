package org.crmbackoffice.support.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.support.jobs.JobLocks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The relay to Kafka, for a service that publishes events and has
 * {@code crm.stream.kafka.enabled} set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "crm.stream.kafka", name = "enabled", havingValue = "true")
public class EventStreamConfiguration {

	@Bean
	EventStreamRelay eventStreamRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			KafkaTemplate<String, String> kafka, JsonMapper json, JobLocks locks, EventStreamProperties properties,
			MeterRegistry meters) {
		return new EventStreamRelay(jdbc, transactions, kafka, json, locks, properties, meters);
	}

}
