package org.crmbackoffice.model.common;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;

/** A period of time, either bound open-ended. */
public record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {

	@JsonIgnore
	@AssertTrue(message = "endDateTime must not be before startDateTime")
	public boolean isInOrder() {
		return this.startDateTime == null || this.endDateTime == null || !this.endDateTime.isBefore(this.startDateTime);
	}

}
