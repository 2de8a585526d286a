package org.crmbackoffice.support.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Streaming events to Kafka; the broker and the producer are Spring Boot's
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.kafka.producer.*}).
 *
 * @param enabled whether every event is also sent to Kafka; off by default
 * @param topicPrefix the topics are this prefix and the name of the resource the events
 * are about, e.g. {@code crm.partyInteraction}, {@code crm.customer}
 * @param batchSize events sent before their acknowledgements are awaited and recorded
 * @param pollInterval how often the outbox is looked at when nothing was owed
 * @param sendTimeout how long a batch may wait for the broker before it is tried again
 */
@ConfigurationProperties("crm.stream.kafka")
public record EventStreamProperties(@DefaultValue("false") boolean enabled, @DefaultValue("crm.") String topicPrefix,
		@DefaultValue("500") int batchSize, @DefaultValue("PT0.1S") Duration pollInterval,
		@DefaultValue("PT30S") Duration sendTimeout) {
}
