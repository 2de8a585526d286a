package org.crmbackoffice.support.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.crmbackoffice.support.hub.EventFilter;
import org.crmbackoffice.support.security.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream's position and its queue: where a client resumes, and what happens to one that
 * stops reading.
 */
class LiveStreamTests {

	private static final Caller AGENT = new Caller("agent-1", "agent", Set.of("agent"), null, Set.of());

	@Test
	void positionsOrderByTheirTransactionThenTheirRowAndReadBackFromTheIdTheyAreSentAs() {
		StreamPosition early = new StreamPosition(7712, 40311);
		StreamPosition sameTransaction = new StreamPosition(7712, 40400);
		StreamPosition laterTransactionLowerRow = new StreamPosition(7713, 12);

		assertThat(List.of(laterTransactionLowerRow, sameTransaction, early).stream().sorted()).containsExactly(early,
				sameTransaction, laterTransactionLowerRow);
		assertThat(laterTransactionLowerRow.isAfter(sameTransaction)).isTrue();
		assertThat(early.isAfter(early)).isFalse();
		assertThat(StreamPosition.parse(" " + early + " ")).contains(early);
		assertThat(StreamPosition.parse("7712.40311")).contains(early);
		assertThat(List.of("", "7712", "7712.", "a.b", "1.2.3", "-1.2", "99999999999999999999.1"))
			.allSatisfy((text) -> assertThat(StreamPosition.parse(text)).as(text).isEmpty());
	}

	@Test
	void aStreamSendsWhatItIsOfferedInOrderThroughOneSenderAtATime() {
		List<Runnable> scheduled = new ArrayList<>();
		Executor senders = scheduled::add;
		List<LiveStream> closed = new ArrayList<>();
		LiveStream stream = stream();

		assertThat(stream.offer(SseEmitter.event().id("1.1").data("{}"), 10, senders, closed::add)).isTrue();
		assertThat(stream.offer(SseEmitter.event().id("1.2").data("{}"), 10, senders, closed::add)).isTrue();
		assertThat(scheduled).as("one sender for both, while the first has not run").hasSize(1);
		scheduled.get(0).run();
		assertThat(stream.offer(SseEmitter.event().id("1.3").data("{}"), 10, senders, closed::add)).isTrue();

		assertThat(scheduled).as("a new sender once the first found the queue empty").hasSize(2);
		assertThat(closed).isEmpty();
		assertThat(stream.isClosed()).isFalse();
	}

	@Test
	void aClientThatLeavesTooMuchUnreadIsClosedOnceAndOffersNothingMore() {
		List<Runnable> neverRun = new ArrayList<>();
		List<LiveStream> closed = new ArrayList<>();
		LiveStream stream = stream();

		assertThat(stream.offer(SseEmitter.event().comment("1"), 2, neverRun::add, closed::add)).isTrue();
		assertThat(stream.offer(SseEmitter.event().comment("2"), 2, neverRun::add, closed::add)).isTrue();
		assertThat(stream.offer(SseEmitter.event().comment("3"), 2, neverRun::add, closed::add)).isFalse();
		assertThat(stream.offer(SseEmitter.event().comment("4"), 2, neverRun::add, closed::add)).isFalse();
		stream.ended(closed::add);

		assertThat(closed).containsExactly(stream);
		assertThat(stream.isClosed()).isTrue();
	}

	private static LiveStream stream() {
		return new LiveStream(AGENT, AGENT.limitKey(), EventFilter.parse(""), (envelopes) -> {
		}, new SseEmitter(), StreamPosition.START, Clock.systemUTC());
	}

}
