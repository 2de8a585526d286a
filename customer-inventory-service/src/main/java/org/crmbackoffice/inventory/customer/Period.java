package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.TimePeriod;

/** A validity period as stored: instants in UTC. */
@Embeddable
record Period(@Column(name = "valid_from") Instant from, @Column(name = "valid_to") Instant to) {

	static Period of(TimePeriod period) {
		if (period == null) {
			return new Period(null, null);
		}
		return new Period((period.startDateTime() != null) ? period.startDateTime().toInstant() : null,
				(period.endDateTime() != null) ? period.endDateTime().toInstant() : null);
	}

	TimePeriod toTimePeriod() {
		if (this.from == null && this.to == null) {
			return null;
		}
		return new TimePeriod((this.from != null) ? this.from.atOffset(ZoneOffset.UTC) : null,
				(this.to != null) ? this.to.atOffset(ZoneOffset.UTC) : null);
	}

}
