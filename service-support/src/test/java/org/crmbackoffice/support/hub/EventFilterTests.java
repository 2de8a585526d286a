package org.crmbackoffice.support.hub;

import org.crmbackoffice.support.problem.ApiProblemException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventFilterTests {

	private final JsonNode event = JsonMapper.builder().build().readTree("""
			{"eventType": "PartyInteractionStatusChangeEvent",
			 "event": {"partyInteraction": {"status": "completed",
			   "relatedParty": [{"role": "agent", "partyOrPartyRole": {"id": "a-1"}},
			                    {"role": "customer", "partyOrPartyRole": {"id": "c-42"}}]}}}""");

	@Test
	void matchesEveryEventWithoutAQuery() {
		assertThat(EventFilter.parse(null).matches(this.event)).isTrue();
	}

	@Test
	void matchesOnTypeAndOnAnyElementOfAnArray() {
		assertThat(EventFilter
			.parse("eventType=PartyInteractionCreateEvent,PartyInteractionStatusChangeEvent"
					+ "&event.partyInteraction.relatedParty.partyOrPartyRole.id=c-42")
			.matches(this.event)).isTrue();
		assertThat(
				EventFilter.parse("event.partyInteraction.relatedParty.partyOrPartyRole.id=c-43").matches(this.event))
			.isFalse();
		assertThat(EventFilter.parse("eventType=PartyInteractionCreateEvent").matches(this.event)).isFalse();
	}

	@Test
	void refusesConditionsOnAnythingButTheTypeAndTheEvent() {
		assertThatExceptionOfType(ApiProblemException.class).isThrownBy(() -> EventFilter.parse("secret=x"));
		assertThatExceptionOfType(ApiProblemException.class).isThrownBy(() -> EventFilter.parse("eventType"));
	}

}
