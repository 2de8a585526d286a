package org.crmbackoffice.model.interaction;

import java.time.Instant;

/**
 * How satisfied the partner was with a completed interaction.
 *
 * @param csat customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied), if
 * asked
 * @param nps likelihood to recommend, 0 to 10 (Net Promoter Score answer), if asked
 * @param respondent {@code partner} when the partner answered itself, {@code agent} when
 * an agent recorded the partner's answer on its behalf
 * @param recordedBy the token subject of who recorded it
 */
public record Satisfaction(Integer csat, Integer nps, String feedback, String respondent, String recordedBy,
		Instant recordedAt) {

	public static final String PARTNER = "partner";

	public static final String AGENT = "agent";

}
