package org.crmbackoffice.model.common;

import java.time.OffsetDateTime;

/** A period of time, either bound open-ended. */
@PeriodInOrder
public record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {

}
