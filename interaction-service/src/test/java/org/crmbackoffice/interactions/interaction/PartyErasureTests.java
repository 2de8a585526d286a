package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.interaction.AttachmentRefOrValue;
import org.crmbackoffice.model.common.Quantity;
import java.math.BigDecimal;
import org.crmbackoffice.model.interaction.ExternalIdentifier;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a party anonymises its interactions and their track record, and keeps
 * everything else.
 */
@ApiIntegrationTest
class PartyErasureTests {

	@Autowired
	RestTestClient client;

	@Test
	void erasureAnonymisesThePartysInteractionsAndTheirTrackRecordButKeepsThem() {
		String party = "ind-" + UUID.randomUUID();
		String other = "org-" + UUID.randomUUID();
		PartyInteraction call = log(party, other, "Ada Lovelace called about her flat at 12 Harbour Street");
		PartyInteraction unrelated = log(other, "someone-else-" + UUID.randomUUID(), "Supplier call about stock");
		as(Roles.ADMIN).patch()
			.uri(call.href())
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body("{\"description\": \"Ada moved to 3 Dock Road\", \"status\": \"inProgress\"}")
			.exchange()
			.expectStatus()
			.isOk();

		as(Roles.AGENT).post()
			.uri("/interaction/v1/erasure")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"partyId\": \"" + party + "\"}")
			.exchange()
			.expectStatus()
			.isForbidden();
		as(Roles.ADMIN).post()
			.uri("/interaction/v1/erasure")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"partyId\": \"" + party + "\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.interactionsAnonymised")
			.isEqualTo(1);

		String erased = as(Roles.ADMIN).get()
			.uri(call.href())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		String history = as(Roles.ADMIN).get()
			.uri(call.href() + "/history")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		for (String personal : List.of(party, "Ada", "Harbour Street", "Dock Road", "flat-photo.jpg", "+4477009")) {
			assertThat(erased).doesNotContain(personal);
			assertThat(history).doesNotContain(personal);
		}
		assertThat(erased).contains("\"status\":\"inProgress\"").contains(other).contains("\"reason\":\"complaint\"");
		assertThat(history).contains("\"action\":\"erased\"");
		as(Roles.ADMIN).get()
			.uri(PartyInteractionMapper.BASE_PATH + "?relatedParty.partyOrPartyRole.id=" + party)
			.exchange()
			.expectHeader()
			.valueEquals("X-Total-Count", "0");
		assertThat(as(Roles.ADMIN).get().uri(unrelated.href()).exchange().returnResult(String.class).getResponseBody())
			.contains("Supplier call about stock");
	}

	private PartyInteraction log(String party, String other, String description) {
		return as(Roles.ADMIN).post()
			.uri(PartyInteractionMapper.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PartyInteractionCreate(null, null, null, description, "inbound", "complaint", null, null, null,
					null, List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
					List.of(new RelatedPartyOrPartyRole("customer",
							new PartyRefOrPartyRoleRef(party, null, "Ada Lovelace", "Individual")),
							new RelatedPartyOrPartyRole("provider",
									new PartyRefOrPartyRoleRef(other, null, null, "Organization"))),
					null, null, List.of(new Note(null, "agent-1", null, "Ada sounded upset about the flat")),
					List.of(new AttachmentRefOrValue(null, null, null, null, "flat-photo.jpg", "Ada's photo",
							"https://files.example.org/flat-photo.jpg", new Quantity(new BigDecimal("1000"), "bytes"),
							null, "photo", "image/jpeg")),
					List.of(new ExternalIdentifier("+447700900123", "telephony", "callerId"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient as(String role) {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(role)))
			.build();
	}

}
