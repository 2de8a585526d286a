package org.crmbackoffice.inventory.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmbackoffice.inventory.customer.CustomerRecords;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.ListParameters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of audits, automated and manual: what they list, how a steward resolves
 * one or accepts it as an exception (which later runs leave accepted), and the
 * verifications stewards record by hand.
 */
@Service
@Transactional(readOnly = true)
public class QualityFindings {

	static final String OPEN = "open";

	static final String RESOLVED = "resolved";

	static final String ACCEPTED = "accepted";

	static final Set<String> OUTCOMES = Set.of("verified", "corrected", "disputed");

	private static final Map<String, String> FILTERS = Map.of("rule", "f.rule", "status", "f.status", "severity",
			"f.severity", "customerId", "f.customer_id", "dataSource", "f.data_source", "lastRunId", "f.last_run_id");

	private final JdbcClient jdbc;

	private final CustomerRecords customers;

	private final Clock clock;

	QualityFindings(JdbcClient jdbc, CustomerRecords customers, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.clock = clock;
	}

	/** One page of the findings the filters select, newest first, with their total. */
	Page list(Map<String, String> parameters, long offset, int limit) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> values = new HashMap<>();
		ListParameters.readFilters(parameters, (name, value) -> {
			String column = FILTERS.get(name);
			if (column == null) {
				return false;
			}
			Object parsed = column.endsWith("_id") ? UUID.fromString(value) : value;
			values.put(name, parsed);
			conditions.add(column + " = :" + name);
			return true;
		});
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from quality_finding f" + where)
			.params(values)
			.query(Long.class)
			.single();
		List<Finding> items = this.jdbc
			.sql("select * from quality_finding f" + where
					+ " order by f.last_found_at desc, f.id offset :offset limit :limit")
			.params(values)
			.param("offset", offset)
			.param("limit", limit)
			.query(QualityFindings::finding)
			.list();
		return new Page(items, total);
	}

	Optional<Finding> find(String id) {
		return ApiResponses.parseId(id)
			.flatMap((uuid) -> this.jdbc.sql("select * from quality_finding where id = :id")
				.param("id", uuid)
				.query(QualityFindings::finding)
				.optional());
	}

	/**
	 * Resolves a finding, accepts it as an exception or opens it again; resolving and
	 * accepting need a reason.
	 * @param expectedVersion the version the client read ({@code If-Match}), or
	 * {@code null}
	 */
	@Transactional
	Finding changeStatus(String id, String status, String reason, Long expectedVersion, String author) {
		Finding finding = find(id).orElseThrow(() -> ApiProblemException.notFound("finding", id));
		if (!Set.of(OPEN, RESOLVED, ACCEPTED).contains(status)) {
			throw invalid("status", "must be open, resolved or accepted");
		}
		if (!status.equals(OPEN) && (reason == null || reason.isBlank())) {
			throw invalid("statusReason", "a finding is " + status + " for a reason; give it");
		}
		if (reason != null && reason.length() > 500) {
			throw invalid("statusReason", "size must be between 0 and 500");
		}
		int changed = this.jdbc.sql("""
				update quality_finding set status = :status, status_reason = :reason, status_changed_by = :author,
				    status_changed_at = :now, version = version + 1
				where id = :id and (cast(:expected as bigint) is null or version = :expected)""")
			.param("status", status)
			.param("reason", reason)
			.param("author", author)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", finding.id())
			.param("expected", expectedVersion)
			.update();
		if (changed == 0) {
			throw new ApiProblemException(ProblemType.PRECONDITION_FAILED,
					"Finding " + id + " has changed since it was read (version " + finding.version() + " now).");
		}
		return find(id).orElseThrow();
	}

	/**
	 * Records a steward's verification of a customer. A disputed record is a finding of
	 * its own; a verified or corrected one resolves the customer's open manual findings
	 * and its staleness.
	 * @throws ApiProblemException 422 for an unknown customer, 400 for an unknown outcome
	 */
	@Transactional
	Verification verify(String customerId, String outcome, String note, String author) {
		UUID customer = ApiResponses.parseId(customerId)
			.filter((uuid) -> this.customers.statusOf(uuid).isPresent())
			.orElseThrow(() -> new ApiProblemException(ProblemType.UNKNOWN_REFERENCE,
					"There is no customer " + customerId + "."));
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw invalid("outcome", "must be verified, corrected or disputed");
		}
		Instant now = this.clock.instant();
		Verification verification = new Verification(UUID.randomUUID(), customer, outcome, note, author, now);
		this.jdbc.sql("""
				insert into quality_verification (id, customer_id, outcome, note, verified_by, verified_at)
				values (:id, :customer, :outcome, :note, :author, :now)""")
			.param("id", verification.id())
			.param("customer", customer)
			.param("outcome", outcome)
			.param("note", note)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.update();
		if (outcome.equals("disputed")) {
			this.jdbc
				.sql("""
						insert into quality_finding (id, version, rule, customer_id, detail_key, severity, fields, message,
						    data_source, status, first_found_at, last_found_at)
						select :finding, 0, :rule, c.id, :key, 'medium', 'record', :message, c.data_source, 'open', :now, :now
						from customer c where c.id = :customer""")
				.param("finding", UUID.randomUUID())
				.param("rule", QualityRules.MANUAL_AUDIT)
				.param("key", verification.id().toString())
				.param("message", "disputed by " + author + ((note != null) ? ": " + note : ""))
				.param("now", Timestamp.from(now))
				.param("customer", customer)
				.update();
		}
		else {
			resolve(customer, List.of(QualityRules.MANUAL_AUDIT, "not-verified"), outcome + " by " + author, author);
		}
		return verification;
	}

	List<Verification> verificationsOf(String customerId) {
		UUID customer = ApiResponses.parseId(customerId).orElseThrow(() -> invalid("customerId", "is not an id"));
		return this.jdbc
			.sql("select * from quality_verification where customer_id = :customer order by verified_at desc, id")
			.param("customer", customer)
			.query((rs, row) -> new Verification(rs.getObject("id", UUID.class),
					rs.getObject("customer_id", UUID.class), rs.getString("outcome"), rs.getString("note"),
					rs.getString("verified_by"), rs.getTimestamp("verified_at").toInstant()))
			.list();
	}

	/**
	 * Resolves the customer's open findings of the given rules, or of every rule when
	 * none is given.
	 */
	@Transactional
	public int resolve(UUID customer, List<String> rules, String reason, String author) {
		return this.jdbc.sql("""
				update quality_finding set status = 'resolved', status_reason = :reason, status_changed_by = :author,
				    status_changed_at = :now, version = version + 1
				where customer_id = :customer and status = 'open'""" + (rules.isEmpty() ? "" : " and rule in (:rules)"))
			.param("reason", reason)
			.param("author", author)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("customer", customer)
			.param("rules", rules)
			.update();
	}

	/**
	 * Resolves the findings that name the merged customer as the duplicate of another.
	 */
	@Transactional
	public int resolveDuplicatesOf(UUID merged, String reason, String author) {
		return this.jdbc.sql("""
				update quality_finding set status = 'resolved', status_reason = :reason, status_changed_by = :author,
				    status_changed_at = :now, version = version + 1
				where related_customer_id = :merged and status = 'open'""")
			.param("reason", reason)
			.param("author", author)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("merged", merged)
			.update();
	}

	private static ApiProblemException invalid(String field, String message) {
		return new ApiProblemException(ProblemType.INVALID_REQUEST, "The request is not valid; see errors.",
				List.of(new FieldProblem(field, message)), null);
	}

	private static Finding finding(ResultSet rs, int row) throws SQLException {
		Timestamp changed = rs.getTimestamp("status_changed_at");
		return new Finding(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("rule"),
				rs.getString("severity"), rs.getString("status"), rs.getString("status_reason"),
				rs.getObject("customer_id", UUID.class), rs.getObject("related_customer_id", UUID.class),
				Arrays.asList(rs.getString("fields").split(",")), rs.getString("message"), rs.getString("data_source"),
				rs.getObject("first_run_id", UUID.class), rs.getObject("last_run_id", UUID.class),
				rs.getTimestamp("first_found_at").toInstant(), rs.getTimestamp("last_found_at").toInstant(),
				rs.getString("status_changed_by"), (changed != null) ? changed.toInstant() : null);
	}

	record Finding(UUID id, long version, String rule, String severity, String status, String statusReason,
			UUID customerId, UUID relatedCustomerId, List<String> fields, String message, String dataSource,
			UUID firstRunId, UUID lastRunId, Instant firstFoundAt, Instant lastFoundAt, String statusChangedBy,
			Instant statusChangedAt) {
	}

	record Verification(UUID id, UUID customerId, String outcome, String note, String verifiedBy, Instant verifiedAt) {
	}

	record Page(List<Finding> items, long total) {
	}

}
