package org.crmbackoffice.inventory.agreement;

import java.time.Instant;
import java.time.ZoneOffset;

import org.crmbackoffice.model.common.TimePeriod;

/** Periods are stored as instants in UTC and shown with the UTC offset. */
final class Instants {

	private Instants() {
	}

	static Instant startOf(TimePeriod period) {
		return (period != null && period.startDateTime() != null) ? period.startDateTime().toInstant() : null;
	}

	static Instant endOf(TimePeriod period) {
		return (period != null && period.endDateTime() != null) ? period.endDateTime().toInstant() : null;
	}

	static TimePeriod period(Instant from, Instant to) {
		if (from == null && to == null) {
			return null;
		}
		return new TimePeriod((from != null) ? from.atOffset(ZoneOffset.UTC) : null,
				(to != null) ? to.atOffset(ZoneOffset.UTC) : null);
	}

}
