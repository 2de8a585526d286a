package org.crmbackoffice.interactions.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one export response may take from the database.
 *
 * @param defaultLimit rows per response when the caller names no {@code limit}
 * @param maxLimit the largest {@code limit} a caller may ask for
 * @param statementTimeout how long any one export statement may run before PostgreSQL
 * cancels it
 * @param fetchSize rows fetched from the database per round trip, which bounds the memory
 * one export uses
 * @param datasource a read replica to export from; without a URL the service's own
 * database is used
 */
@ConfigurationProperties("crm.export")
record ExportProperties(@DefaultValue("100000") int defaultLimit, @DefaultValue("1000000") int maxLimit,
		@DefaultValue("5m") Duration statementTimeout, @DefaultValue("1000") int fetchSize,
		@DefaultValue Replica datasource) {

	/**
	 * @param maximumPoolSize connections to the replica, so also the number of exports
	 * that run at once
	 */
	record Replica(String url, String username, String password, @DefaultValue("4") int maximumPoolSize) {

		boolean configured() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
