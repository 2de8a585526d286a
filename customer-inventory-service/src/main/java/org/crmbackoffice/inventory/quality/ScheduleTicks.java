package org.crmbackoffice.inventory.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.scheduling.support.CronExpression;

/**
 * Which tick of a schedule a scheduler's call belongs to, so that every instance, whose
 * schedulers fire a little apart, names the same one.
 */
final class ScheduleTicks {

	/** How far back to look for the latest tick, shortest first. */
	private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofDays(1), Duration.ofDays(32), Duration.ofDays(366 * 5));

	private ScheduleTicks() {
	}

	/**
	 * The latest time the schedule fires at or before {@code now}.
	 * @throws IllegalArgumentException when it has not fired in the last five years
	 */
	static Instant latest(CronExpression schedule, ZonedDateTime now) {
		for (Duration back : LOOK_BACK) {
			ZonedDateTime tick = schedule.next(now.minus(back));
			if (tick != null && !tick.isAfter(now)) {
				for (ZonedDateTime next = schedule.next(tick); next != null
						&& !next.isAfter(now); next = schedule.next(next)) {
					tick = next;
				}
				return tick.toInstant();
			}
		}
		throw new IllegalArgumentException("The schedule " + schedule + " has not fired before " + now);
	}

}
