package org.crmbackoffice.support.partitions;

import java.time.Clock;
import java.util.List;

import org.crmbackoffice.support.jobs.JobLocks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The maintenance of a service's monthly partitioned tables, for a service that declares
 * them as {@link MonthlyPartitions} beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(MonthlyPartitions.class)
@EnableConfigurationProperties(PartitionProperties.class)
public class PartitionConfiguration {

	@Bean
	PartitionMaintenance partitionMaintenance(List<MonthlyPartitions> tables, PlatformTransactionManager transactions,
			JobLocks locks, PartitionProperties properties, Clock clock) {
		return new PartitionMaintenance(tables, transactions, locks, properties, clock);
	}

}
