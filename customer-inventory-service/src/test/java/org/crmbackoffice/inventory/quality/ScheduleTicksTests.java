package org.crmbackoffice.inventory.quality;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTicksTests {

	@Test
	void schedulersThatFireApartNameTheSameTick() {
		CronExpression nightly = CronExpression.parse("0 0 2 * * SUN");

		assertThat(ScheduleTicks.latest(nightly, at("2026-12-06T02:00:00.004Z")))
			.isEqualTo(ScheduleTicks.latest(nightly, at("2026-12-06T02:00:01.700Z")))
			.isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
		assertThat(ScheduleTicks.latest(nightly, at("2026-12-05T23:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
	}

	@Test
	void findsTheLatestTickOfAFrequentSchedule() {
		CronExpression everyFiveSeconds = CronExpression.parse("*/5 * * * * *");

		assertThat(ScheduleTicks.latest(everyFiveSeconds, at("2026-12-04T10:00:07.250Z")))
			.isEqualTo(Instant.parse("2026-12-04T10:00:05Z"));
		assertThat(ScheduleTicks.latest(everyFiveSeconds, at("2026-12-04T10:00:10Z")))
			.isEqualTo(Instant.parse("2026-12-04T10:00:10Z"));
	}

	private static ZonedDateTime at(String instant) {
		return Instant.parse(instant).atZone(ZoneOffset.UTC);
	}

}
