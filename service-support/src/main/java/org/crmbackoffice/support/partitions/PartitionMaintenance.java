package org.crmbackoffice.support.partitions;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.crmbackoffice.support.jobs.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the current month and {@code crm.partitions.months-ahead} more ready in every
 * monthly partitioned table of the service: once at start-up, before the service takes
 * requests, and then every {@code crm.partitions.maintenance-interval}, so that an
 * instance running for months still creates them in time. One instance at a time, under a
 * job lock.
 */
public class PartitionMaintenance implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

	static final String JOB = "partition-maintenance";

	private final List<MonthlyPartitions> tables;

	private final TransactionTemplate transaction;

	private final JobLocks locks;

	private final PartitionProperties properties;

	private final Clock clock;

	public PartitionMaintenance(List<MonthlyPartitions> tables, PlatformTransactionManager transactions, JobLocks locks,
			PartitionProperties properties, Clock clock) {
		this.tables = List.copyOf(tables);
		this.transaction = new TransactionTemplate(transactions);
		this.locks = locks;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		createAhead();
	}

	@Scheduled(fixedDelayString = "${crm.partitions.maintenance-interval:PT6H}",
			initialDelayString = "${crm.partitions.maintenance-interval:PT6H}")
	void maintain() {
		createAhead();
	}

	/** Creates the partitions still missing from this month through the months ahead. */
	public void createAhead() {
		YearMonth now = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		this.transaction.executeWithoutResult((status) -> {
			this.locks.lock(JOB);
			for (MonthlyPartitions table : this.tables) {
				for (MonthlyPartitions.Partition created : table.create(now,
						now.plusMonths(this.properties.monthsAhead()))) {
					log.info("Created partition {} of {} for {}", created.name(), table.table(), created.month());
				}
			}
		});
	}

}
