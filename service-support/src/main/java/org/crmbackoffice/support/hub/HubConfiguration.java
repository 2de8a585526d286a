package org.crmbackoffice.support.hub;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.live.LiveEventConfiguration;
import org.crmbackoffice.support.partitions.MonthlyPartitions;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.stream.EventStreamConfiguration;
import org.crmbackoffice.support.stream.EventStreamProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The hub of a service that publishes events. Its tables come with the shared ones
 * ({@link org.crmbackoffice.support.migration.SharedMigrations}); the service sets
 * {@code crm.hub.enabled}, {@code crm.hub.hub-path}, {@code crm.hub.delivery-path} and
 * {@code crm.hub.domain}, and its endpoint rules ask for {@link #HUB_MANAGE} on both
 * paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "crm.hub", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({ HubProperties.class, EventStreamProperties.class })
@Import({ HubController.class, DeliveryController.class, EventStreamConfiguration.class, LiveEventConfiguration.class })
public class HubConfiguration {

	/**
	 * Registering event listeners and looking after their deliveries: an integration
	 * task.
	 */
	public static final String HUB_MANAGE = "hub:manage";

	/**
	 * When a month of deliveries is vacuumed: after a fixed number of dead rows, whatever
	 * the month's size. Migration V10 says the same for the months that existed before.
	 */
	static final String DELIVERY_MONTH_VACUUM = "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000";

	@Bean
	EventPublisher eventPublisher(JdbcTemplate jdbc, JsonMapper json, Clock clock,
			@Value("${crm.hub.domain}") String domain, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator, EventStreamProperties stream) {
		return new EventPublisher(jdbc, json, clock, domain, tracer, propagator, stream.enabled());
	}

	@Bean
	HubListeners hubListeners(JdbcTemplate jdbc, HubProperties properties, CurrentCaller caller, Clock clock) {
		return new HubListeners(jdbc, properties, caller, clock);
	}

	@Bean
	Deliveries deliveries(JdbcTemplate jdbc, Clock clock) {
		return new Deliveries(jdbc, clock);
	}

	/**
	 * The hub's record, one partition per month of publication, which
	 * {@link OutboxRetention} drops whole.
	 */
	@Bean
	MonthlyPartitions eventOutboxPartitions(JdbcTemplate jdbc) {
		return new MonthlyPartitions(jdbc, "event_outbox");
	}

	/**
	 * Each delivery leaves two dead row versions within seconds (its lease and its
	 * outcome), and dispatchers walk the due index past their entries until a vacuum
	 * removes them. By default a table is vacuumed once a fifth of it is dead, which in a
	 * month of tens of millions of deliveries means millions of dead entries to walk per
	 * claim; a fixed number keeps every month as cheap to claim from as a new one.
	 */
	@Bean
	MonthlyPartitions eventDeliveryPartitions(JdbcTemplate jdbc) {
		return new MonthlyPartitions(jdbc, "event_delivery", DELIVERY_MONTH_VACUUM);
	}

	@Bean
	MonthlyPartitions deliveryAttemptPartitions(JdbcTemplate jdbc) {
		return new MonthlyPartitions(jdbc, "delivery_attempt");
	}

	@Bean
	OutboxRetention outboxRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, JobLocks locks,
			Clock clock, HubProperties properties, List<MonthlyPartitions> partitions) {
		return new OutboxRetention(jdbc, transactions, locks, clock, properties.retention(), partitions);
	}

	@Bean
	Dispatcher dispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, HubProperties properties,
			Clock clock, MeterRegistry meters) {
		return new Dispatcher(jdbc, transactions, properties, clock, meters);
	}

}
