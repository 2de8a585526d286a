package org.crmbackoffice.interactions.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures BI and supervisors ask of the interaction history, read from
 * {@code interaction_fact}. Every query runs read-only under a statement timeout: a
 * report may fail, the live API must not slow down.
 *
 * <p>
 * Definitions: handling time runs from start to end of a completed interaction. An
 * interaction is resolved at first contact when it was completed without ever waiting for
 * the partner or the back office and no later interaction follows it up; it is reopened
 * when a later one follows it up ({@code followUpOf}); both rates are over completed
 * interactions. Multi-channel interactions came through more than one channel. NPS is the
 * share of promoters (9-10) minus the share of detractors (0-6), in points.
 */
@Service
class InteractionAnalytics {

	private static final String FIGURES = """
			count(*) as interactions,
			count(*) filter (where status = 'COMPLETED') as completed,
			avg(handling_seconds) as mean_handling,
			percentile_cont(0.9) within group (order by handling_seconds) as p90_handling,
			avg(case when status = 'COMPLETED' then (not waited and not followed_up)::int end) as fcr,
			avg((channel_count > 1)::int) as multi_channel,
			avg(case when status = 'COMPLETED' then followed_up::int end) as reopened,
			count(csat) as csat_responses, avg(csat) as mean_csat, count(nps) as nps_responses,
			100.0 * (count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6)) / nullif(count(nps), 0) as nps
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate reading;

	private final AnalyticsProperties properties;

	InteractionAnalytics(JdbcTemplate jdbc, PlatformTransactionManager transactions, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	List<GroupFigures> figures(Range range, List<Grouping> groupBy) {
		String groups = groupBy.stream()
			.map((grouping) -> grouping.expression() + " as " + grouping.label())
			.collect(Collectors.joining(", "));
		String keys = groupBy.stream().map(Grouping::label).collect(Collectors.joining(", "));
		String sql = "select " + (groupBy.isEmpty() ? "" : groups + ", ") + FIGURES
				+ " from interaction_fact where started_at >= ? and started_at < ?"
				+ (groupBy.isEmpty() ? "" : " group by " + keys + " order by " + keys);
		return timed(() -> this.jdbc.query(sql, (row, number) -> {
			Map<String, String> group = new LinkedHashMap<>();
			for (Grouping grouping : groupBy) {
				group.put(grouping.label(), grouping.display(row.getString(grouping.label())));
			}
			return new GroupFigures(group, figuresOf(row));
		}, Timestamp.from(range.from()), Timestamp.from(range.to())));
	}

	PartnerProfile profile(String partyId, Range range) {
		return timed(() -> {
			String ofParty = """
					from party_interaction_related_party p join interaction_fact f on f.interaction_id = p.interaction_id
					where p.party_id = ? and p.interaction_start >= ? and p.interaction_start < ?""";
			Object[] arguments = { partyId, Timestamp.from(range.from()), Timestamp.from(range.to()) };
			Map<String, Object> totals = this.jdbc
				.queryForMap("select count(distinct f.interaction_id) as interactions, min(f.started_at) as first_at, "
						+ "max(f.started_at) as last_at " + ofParty, arguments);
			long interactions = ((Number) totals.get("interactions")).longValue();
			List<ChannelShare> channels = this.jdbc.query(
					"select f.channel, count(distinct f.interaction_id) as n " + ofParty
							+ " group by f.channel order by n desc, f.channel",
					(row, number) -> new ChannelShare(row.getString("channel"), row.getLong("n"),
							(double) row.getLong("n") / interactions),
					arguments);
			List<MonthSatisfaction> trend = this.jdbc
				.query("select to_char(f.started_at at time zone 'UTC', 'YYYY-MM') "
						+ "as month, count(csat) as csat_responses, avg(csat) as mean_csat, count(nps) as nps_responses, "
						+ "100.0 * (count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6)) "
						+ "/ nullif(count(nps), 0) as nps " + ofParty
						+ " and (f.csat is not null or f.nps is not null) group by month order by month",
						(row, number) -> new MonthSatisfaction(row.getString("month"), row.getLong("csat_responses"),
								nullable(row, "mean_csat"), row.getLong("nps_responses"), nullable(row, "nps")),
						arguments);
			Long open = this.jdbc.queryForObject("""
					select count(*) from party_interaction_related_party p
					join interaction_fact f on f.interaction_id = p.interaction_id
					where p.party_id = ? and f.status not in ('COMPLETED', 'CANCELLED')""", Long.class, partyId);
			double months = Math.max(1.0, (range.to().getEpochSecond() - range.from().getEpochSecond()) / 2629746.0);
			return new PartnerProfile(partyId, range.from(), range.to(), interactions,
					(totals.get("first_at") != null) ? ((Timestamp) totals.get("first_at")).toInstant() : null,
					(totals.get("last_at") != null) ? ((Timestamp) totals.get("last_at")).toInstant() : null,
					interactions / months, channels, (open != null) ? open : 0, trend);
		});
	}

	private <T> T timed(Supplier<T> query) {
		try {
			return this.reading.execute((status) -> {
				this.jdbc.execute("set local statement_timeout = " + this.properties.statementTimeout().toMillis());
				return query.get();
			});
		}
		catch (QueryTimeoutException ex) {
			throw new ApiProblemException(ProblemType.QUERY_TIMEOUT,
					"The figures took longer than " + this.properties.statementTimeout().toMillis()
							+ " ms to compute and were given up so as not to "
							+ "slow down the interaction log. Ask for a shorter range or fewer groupings.");
		}
	}

	private static Figures figuresOf(ResultSet row) throws SQLException {
		return new Figures(row.getLong("interactions"), row.getLong("completed"), nullable(row, "mean_handling"),
				nullable(row, "p90_handling"), nullable(row, "fcr"), nullable(row, "multi_channel"),
				nullable(row, "reopened"), row.getLong("csat_responses"), nullable(row, "mean_csat"),
				row.getLong("nps_responses"), nullable(row, "nps"));
	}

	private static Double nullable(ResultSet row, String column) throws SQLException {
		double value = row.getDouble(column);
		return row.wasNull() ? null : value;
	}

	/** A time range, start included, end excluded. */
	record Range(Instant from, Instant to) {
	}

	/**
	 * The figures of one group of interactions; rates are fractions from 0 to 1, absent
	 * where nothing counts.
	 *
	 * @param firstContactResolutionRate of the completed interactions
	 * @param reopenRate of the completed interactions
	 * @param nps from -100 to 100
	 */
	record Figures(long interactions, long completed, Double meanHandlingSeconds, Double p90HandlingSeconds,
			Double firstContactResolutionRate, Double multiChannelShare, Double reopenRate, long csatResponses,
			Double meanCsat, long npsResponses, Double nps) {
	}

	/**
	 * @param group the value of each grouping, e.g. {@code {"channel": "phone", "week":
	 * "2026-11-16"}}
	 */
	record GroupFigures(Map<String, String> group, Figures figures) {
	}

	/**
	 * What the interaction history says about one partner.
	 *
	 * @param interactionsPerMonth in the range, for how often the partner gets in touch
	 * @param openInteractions its interactions not completed or cancelled, whenever they
	 * started
	 * @param satisfactionTrend per month of the range with answers
	 */
	record PartnerProfile(String partyId, Instant from, Instant to, long interactions, Instant firstInteraction,
			Instant lastInteraction, double interactionsPerMonth, List<ChannelShare> channelPreference,
			long openInteractions, List<MonthSatisfaction> satisfactionTrend) {
	}

	/**
	 * @param share of the partner's interactions in the range
	 */
	record ChannelShare(String channel, long interactions, double share) {
	}

	record MonthSatisfaction(String month, long csatResponses, Double meanCsat, long npsResponses, Double nps) {
	}

}
