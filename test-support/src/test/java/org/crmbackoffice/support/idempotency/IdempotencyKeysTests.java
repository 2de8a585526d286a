package org.crmbackoffice.support.idempotency;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.migration.SharedMigrations;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Idempotency keys against the shared table on PostgreSQL. */
class IdempotencyKeysTests {

	private static IdempotencyKeys keys;

	private final AtomicInteger creates = new AtomicInteger();

	@BeforeAll
	static void sharedTables() {
		TestDatabase database = TestPostgres.freshDatabase("idempotency");
		SharedMigrations
			.migrate(Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()));
		keys = new IdempotencyKeys(
				new JdbcTemplate(
						new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password())),
				JsonMapper.builder().build(), Clock.systemUTC());
	}

	@Test
	void createsOnceAndAnswersARepeatFromWhatTheFirstRequestCreated() {
		String key = UUID.randomUUID().toString();
		Order order = new Order("Ada Lovelace", List.of("fibre"));

		String first = create("agent-7", key, order);
		String repeat = create("agent-7", key, new Order("Ada Lovelace", List.of("fibre")));

		assertThat(this.creates).hasValue(1);
		assertThat(repeat).isEqualTo("replayed " + first);
	}

	@Test
	void keepsEachCallersKeysApart() {
		String key = UUID.randomUUID().toString();
		Order order = new Order("Ada Lovelace", List.of());

		String agents = create("agent-7", key, order);
		String partners = create("partner-northwind", key, order);

		assertThat(this.creates).hasValue(2);
		assertThat(partners).isNotEqualTo(agents).doesNotStartWith("replayed");
	}

	@Test
	void refusesAKeyReusedForADifferentRequest() {
		String key = UUID.randomUUID().toString();
		create("agent-7", key, new Order("Ada Lovelace", List.of("fibre")));

		assertThatExceptionOfType(ApiProblemException.class)
			.isThrownBy(() -> create("agent-7", key, new Order("Ada Lovelace", List.of("mobile"))))
			.satisfies((problem) -> assertThat(problem.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED));
		assertThat(this.creates).hasValue(1);
	}

	@Test
	void tellsTheLoserOfAConcurrentRepeatToAskAgain() {
		String key = UUID.randomUUID().toString();
		Order order = new Order("Grace Hopper", List.of());

		assertThatExceptionOfType(ApiProblemException.class)
			.isThrownBy(() -> keys.createOnce("agent-7", key, order, (id) -> "replayed " + id, () -> {
				// The concurrent request stores its record and key while this one
				// creates.
				keys.remember("agent-7", key, order, "customer-of-the-winner");
				return "customer-of-the-loser";
			}, (id) -> id))
			.satisfies((problem) -> assertThat(problem.type()).isEqualTo(ProblemType.CONFLICT));
		assertThat(create("agent-7", key, order)).isEqualTo("replayed customer-of-the-winner");
	}

	@Test
	void refusesBlankAndOverlongKeys() {
		Order order = new Order("Ada Lovelace", List.of());
		for (String key : List.of(" ", "k".repeat(201))) {
			assertThatExceptionOfType(ApiProblemException.class).isThrownBy(() -> create("agent-7", key, order))
				.satisfies((problem) -> assertThat(problem.type()).isEqualTo(ProblemType.INVALID_REQUEST));
		}
		assertThat(create("agent-7", "k".repeat(200), order)).doesNotStartWith("replayed");
	}

	private String create(String caller, String key, Order order) {
		return keys.createOnce(caller, key, order, (id) -> "replayed " + id, () -> {
			this.creates.incrementAndGet();
			return "customer-" + UUID.randomUUID();
		}, (id) -> id);
	}

	record Order(String name, List<String> products) {
	}

}
