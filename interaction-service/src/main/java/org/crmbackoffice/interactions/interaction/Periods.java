package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.crmbackoffice.model.common.TimePeriod;

/**
 * Between the wire's periods and date-times (any offset) and the stored instants (UTC).
 */
final class Periods {

	private Periods() {
	}

	static Instant startOf(TimePeriod period) {
		return (period != null) ? instant(period.startDateTime()) : null;
	}

	static Instant endOf(TimePeriod period) {
		return (period != null) ? instant(period.endDateTime()) : null;
	}

	/** {@code null} when neither bound is known. */
	static TimePeriod periodOf(Instant start, Instant end) {
		return (start == null && end == null) ? null : new TimePeriod(offset(start), offset(end));
	}

	static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	static OffsetDateTime offset(Instant time) {
		return (time != null) ? time.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * A stored TMF {@code @type}, or the specification's type where the client sent none.
	 */
	static String or(String type, String defaultType) {
		return (type != null) ? type : defaultType;
	}

}
