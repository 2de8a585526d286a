package org.crmbackoffice.interactions.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmbackoffice.interactions.analytics.InteractionAnalytics.GroupFigures;
import org.crmbackoffice.interactions.analytics.InteractionAnalytics.PartnerProfile;
import org.crmbackoffice.interactions.analytics.InteractionAnalytics.Range;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = AnalyticsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "analytics", description = "Figures of the interaction history for BI and supervisors")
class AnalyticsController {

	static final String PATH = "/interaction/v1/analytics";

	private static final Duration DEFAULT_RANGE = Duration.ofDays(90);

	private static final int MAX_GROUPINGS = 2;

	private final InteractionAnalytics analytics;

	private final AnalyticsProperties properties;

	private final Clock clock;

	AnalyticsController(InteractionAnalytics analytics, AnalyticsProperties properties, Clock clock) {
		this.analytics = analytics;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/interaction")
	@Operation(operationId = "listInteractionFigures",
			summary = "Figures of the interactions started in a time range, optionally grouped",
			description = "Counts, mean and p90 handling time, first-contact resolution and reopen rates (of completed "
					+ "interactions), share of multi-channel interactions, mean CSAT and NPS. Group by up to two of "
					+ "channel, reason, direction, status, day, week (UTC). The range defaults to the last 90 days.")
	List<GroupFigures> figures(
			@Parameter(description = "start, included; ISO-8601") @RequestParam(required = false) Instant from,
			@Parameter(description = "end, excluded; ISO-8601") @RequestParam(required = false) Instant to,
			@Parameter(description = "comma-separated, e.g. channel,week") @RequestParam(
					required = false) String groupBy) {
		return this.analytics.figures(rangeOf(from, to), groupingsOf(groupBy));
	}

	@GetMapping("/party/{partyId}")
	@Operation(operationId = "retrievePartnerProfile",
			summary = "A partner's profile: how often and through which channels it gets in touch, its open "
					+ "interactions and its satisfaction month by month",
			description = "The range defaults to the last 90 days.")
	PartnerProfile profile(
			@Parameter(description = "The party whose interaction profile to compute") @PathVariable String partyId,
			@Parameter(description = "Interactions that started at or after this instant") @RequestParam(
					required = false) Instant from,
			@Parameter(description = "Interactions that started before this instant") @RequestParam(
					required = false) Instant to) {
		return this.analytics.profile(partyId, rangeOf(from, to));
	}

	private Range rangeOf(Instant from, Instant to) {
		Instant end = (to != null) ? to : this.clock.instant();
		Instant start = (from != null) ? from : end.minus(DEFAULT_RANGE);
		if (!start.isBefore(end)) {
			throw invalid("from", "must be before to");
		}
		if (Duration.between(start, end).compareTo(this.properties.maxRange()) > 0) {
			throw invalid("from", "the range may cover at most " + this.properties.maxRange().toDays() + " days");
		}
		return new Range(start, end);
	}

	private static List<Grouping> groupingsOf(String groupBy) {
		List<Grouping> groupings = new ArrayList<>();
		if (groupBy == null || groupBy.isBlank()) {
			return groupings;
		}
		for (String name : groupBy.split(",")) {
			try {
				Grouping grouping = Grouping.of(name);
				if (!groupings.contains(grouping)) {
					groupings.add(grouping);
				}
			}
			catch (IllegalArgumentException ex) {
				throw invalid("groupBy", "'" + name.trim() + "' is none of " + Grouping.names());
			}
		}
		if (groupings.size() > MAX_GROUPINGS) {
			throw invalid("groupBy", "at most " + MAX_GROUPINGS + " groupings");
		}
		return groupings;
	}

	private static ApiProblemException invalid(String parameter, String detail) {
		return new ApiProblemException(ProblemType.INVALID_REQUEST, "The analytics request is not valid.",
				List.of(new FieldProblem(parameter, detail)), null);
	}

}
