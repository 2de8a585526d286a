package org.crmbackoffice.inventory.quality;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.csv.CsvWriter;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the audits tell the enterprise: for each completed run, the quality score overall
 * and per rule (the share of checked customers without a finding of it; accepted
 * exceptions do not count against it), the findings by rule, severity and source system,
 * and the top shortcomings.
 */
@Service
@Transactional(readOnly = true)
class QualityReports {

	/** How many completed runs the score history goes back. */
	static final int HISTORY = 50;

	private static final List<String> CSV_HEADER = List.of("section", "runId", "completedAt", "rule", "severity",
			"dataSource", "checked", "customersWithFindings", "findings", "score");

	private final JdbcClient jdbc;

	private final QualityRules rules;

	QualityReports(JdbcClient jdbc, QualityRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/**
	 * @param runId the run to report on; the latest completed one when {@code null}
	 * @throws ApiProblemException 404 when there is no such completed run
	 */
	Report report(UUID runId) {
		List<RunScore> history = new ArrayList<>(this.jdbc.sql("""
				select id, finished_at, data_source, total, checked, findings, flawed_customers from quality_run
				where status = 'completed' order by finished_at desc, id limit :limit""")
			.param("limit", HISTORY)
			.query((rs, row) -> new RunScore(rs.getObject("id", UUID.class), rs.getTimestamp("finished_at").toInstant(),
					rs.getString("data_source"), rs.getLong("checked"), rs.getLong("findings"),
					rs.getLong("flawed_customers"), score(rs.getLong("checked"), rs.getLong("flawed_customers")),
					List.of()))
			.list());
		Collections.reverse(history);
		Optional<UUID> chosen = (runId != null) ? Optional.of(runId)
				: history.stream().map(RunScore::runId).reduce((first, second) -> second);
		UUID id = chosen.orElseThrow(
				() -> new ApiProblemException(ProblemType.NOT_FOUND, "No data-quality run has completed yet."));
		RunScore run = this.jdbc.sql("""
				select id, finished_at, data_source, checked, findings, flawed_customers from quality_run
				where id = :id and status = 'completed'""")
			.param("id", id)
			.query((rs, row) -> new RunScore(rs.getObject("id", UUID.class), rs.getTimestamp("finished_at").toInstant(),
					rs.getString("data_source"), rs.getLong("checked"), rs.getLong("findings"),
					rs.getLong("flawed_customers"), score(rs.getLong("checked"), rs.getLong("flawed_customers")),
					List.of()))
			.optional()
			.orElseThrow(() -> ApiProblemException.notFound("completed quality run", id.toString()));
		List<RuleScore> ruleScores = ruleScores(id, run.checked());
		List<RunScore> withRules = history.stream()
			.map((past) -> new RunScore(past.runId(), past.completedAt(), past.dataSource(), past.checked(),
					past.findings(), past.customersWithFindings(), past.score(),
					ruleScores(past.runId(), past.checked())))
			.toList();
		List<Count> bySeverity = this.jdbc.sql("""
				select severity, sum(findings) from quality_run_tally where run_id = :id group by severity
				order by sum(findings) desc, severity""")
			.param("id", id)
			.query((rs, row) -> new Count(rs.getString(1), rs.getLong(2)))
			.list();
		List<Count> bySource = this.jdbc.sql("""
				select data_source, sum(findings) from quality_run_tally where run_id = :id group by data_source
				order by sum(findings) desc, data_source""")
			.param("id", id)
			.query((rs, row) -> new Count(rs.getString(1).isEmpty() ? "unknown" : rs.getString(1), rs.getLong(2)))
			.list();
		List<SourceCount> byRuleAndSource = this.jdbc.sql("""
				select rule, data_source, customers, findings from quality_run_tally where run_id = :id
				order by rule, data_source""")
			.param("id", id)
			.query((rs, row) -> new SourceCount(rs.getString(1),
					rs.getString(2).isEmpty() ? "unknown" : rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.list();
		List<RuleScore> top = ruleScores.stream()
			.filter((rule) -> rule.findings() > 0)
			.sorted((a, b) -> Long.compare(b.findings(), a.findings()))
			.limit(10)
			.toList();
		return new Report(run, ruleScores, withRules, bySeverity, bySource, byRuleAndSource, top);
	}

	/**
	 * Every rule enabled now or with findings in the run: a rule without findings scores
	 * 1.
	 */
	private List<RuleScore> ruleScores(UUID runId, long checked) {
		Map<String, RuleScore> scores = new LinkedHashMap<>();
		this.rules.enabled()
			.forEach((rule) -> scores.put(rule.id(),
					new RuleScore(rule.id(), rule.description(), rule.severity(), 0, 0, 1.0)));
		this.jdbc.sql("""
				select rule, min(severity), sum(customers), sum(findings) from quality_run_tally where run_id = :id
				group by rule""")
			.param("id", runId)
			.query((rs, row) -> new RuleScore(rs.getString(1), describe(rs.getString(1)), rs.getString(2),
					rs.getLong(3), rs.getLong(4), score(checked, rs.getLong(3))))
			.list()
			.forEach((score) -> scores.put(score.rule(), score));
		return scores.values().stream().sorted((a, b) -> a.rule().compareTo(b.rule())).toList();
	}

	private String describe(String rule) {
		return this.rules.find(rule).map(QualityRule::description).orElse(rule);
	}

	/** The share of checked customers without findings, 1 when none were checked. */
	static double score(long checked, long flawed) {
		return (checked == 0) ? 1.0 : (double) (checked - flawed) / checked;
	}

	/**
	 * The report as CSV: one line per run and rule of the history, then one per rule and
	 * source system, then one per top shortcoming. The report is in memory already, so
	 * its CSV is written in one piece rather than streamed.
	 */
	static byte[] csv(Report report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvWriter csv = CsvWriter.start(out, CSV_HEADER)) {
			for (RunScore run : report.history()) {
				csv.row("score", run.runId(), run.completedAt(), "", "", "", run.checked(), run.customersWithFindings(),
						run.findings(), csvScore(run.score()));
				for (RuleScore rule : run.rules()) {
					csv.row("score", run.runId(), run.completedAt(), rule.rule(), rule.severity(), "", run.checked(),
							rule.customersWithFindings(), rule.findings(), csvScore(rule.score()));
				}
			}
			RunScore run = report.run();
			for (SourceCount count : report.findingsByRuleAndSource()) {
				csv.row("findings", run.runId(), run.completedAt(), count.rule(), "", count.dataSource(), run.checked(),
						count.customers(), count.findings(), null);
			}
			for (RuleScore rule : report.topShortcomings()) {
				csv.row("top", run.runId(), run.completedAt(), rule.rule(), rule.severity(), "", run.checked(),
						rule.customersWithFindings(), rule.findings(), csvScore(rule.score()));
			}
		}
		return out.toByteArray();
	}

	private static BigDecimal csvScore(double score) {
		return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
	}

	record RunScore(UUID runId, Instant completedAt, String dataSource, long checked, long findings,
			long customersWithFindings, double score, List<RuleScore> rules) {
	}

	record RuleScore(String rule, String description, String severity, long customersWithFindings, long findings,
			double score) {
	}

	record Count(String key, long findings) {
	}

	record SourceCount(String rule, String dataSource, long customers, long findings) {
	}

	/**
	 * @param run the run reported on
	 * @param rules its score per rule that found anything
	 * @param history the completed runs, oldest first, each with its scores
	 */
	@Schema(name = "QualityReport")
	record Report(RunScore run, List<RuleScore> rules, List<RunScore> history, List<Count> findingsBySeverity,
			List<Count> findingsBySource, List<SourceCount> findingsByRuleAndSource, List<RuleScore> topShortcomings) {
	}

}
