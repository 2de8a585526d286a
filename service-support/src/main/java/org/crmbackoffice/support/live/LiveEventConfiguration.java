package org.crmbackoffice.support.live;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live streams, for a service that publishes events and sets {@code crm.live.path}. The
 * service provides a {@link LiveEventVisibility} and its endpoint rules name who may open
 * a stream.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "crm.live", name = "path")
@EnableConfigurationProperties(LiveEventProperties.class)
@Import(LiveEventController.class)
public class LiveEventConfiguration {

	@Bean
	LiveEventStreams liveEventStreams(JdbcTemplate jdbc, JsonMapper json, LiveEventVisibility visibility,
			LiveEventProperties properties, Clock clock, MeterRegistry meters) {
		return new LiveEventStreams(new OutboxEvents(jdbc, json), visibility, properties, clock, meters);
	}

}
