package org.crmbackoffice.interactions.export;

import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where exports read: a read replica when one is configured, else the service's own
 * database. Every export runs in one read-only repeatable-read transaction, so that the
 * rows it counts first are the rows it then streams, with a statement timeout set for
 * that transaction only.
 */
final class ExportDatabase implements DisposableBean {

	static final String APPLICATION_NAME = "crm-export";

	private final HikariDataSource replica;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String statementTimeout;

	ExportDatabase(DataSource main, ExportProperties properties) {
		this.replica = properties.datasource().configured() ? replicaOf(properties.datasource()) : null;
		DataSource source = (this.replica != null) ? this.replica : main;
		this.jdbc = new JdbcTemplate(source);
		this.jdbc.setFetchSize(properties.fetchSize());
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.statementTimeout = properties.statementTimeout().toMillis() + "ms";
	}

	private static HikariDataSource replicaOf(ExportProperties.Replica replica) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("crm-export-replica");
		// Operators of the replica see the export sessions by name in pg_stat_activity.
		config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
		config.setJdbcUrl(replica.url());
		config.setUsername(replica.username());
		config.setPassword(replica.password());
		config.setMaximumPoolSize(replica.maximumPoolSize());
		config.setMinimumIdle(0);
		config.setReadOnly(true);
		return new HikariDataSource(config);
	}

	/**
	 * Runs the work in an export transaction, with the statement timeout set for it
	 * alone.
	 */
	<T> T read(Function<JdbcTemplate, T> work) {
		return this.transactions.execute((status) -> {
			this.jdbc.queryForObject("select set_config('statement_timeout', ?, true)", String.class,
					this.statementTimeout);
			return work.apply(this.jdbc);
		});
	}

	@Override
	public void destroy() {
		if (this.replica != null) {
			this.replica.close();
		}
	}

}
