package org.crmbackoffice.interactions.analytics;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A report that cannot finish within the statement timeout is given up with a problem
 * response instead of holding a connection. Another transaction holding the fact table's
 * lock makes the query wait, which counts against the timeout like a slow plan would.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.analytics.statement-timeout=300ms")
class AnalyticsTimeoutTests {

	@Autowired
	RestTestClient client;

	@Autowired
	DataSource dataSource;

	@Test
	void givesUpAReportThatRunsPastTheStatementTimeout() throws Exception {
		try (Connection blocker = this.dataSource.getConnection(); Statement lock = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			lock.execute("lock table interaction_fact in access exclusive mode");

			this.client.get()
				.uri(AnalyticsController.PATH + "/interaction")
				.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:crm-backoffice:problem:query-timeout");
			blocker.rollback();
		}
		this.client.get()
			.uri(AnalyticsController.PATH + "/interaction")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
