package org.crmbackoffice.interactions.access;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.model.interaction.PartyErasureApi;
import org.crmbackoffice.support.security.EndpointPermissions;
import org.crmbackoffice.support.security.ResourceServerSecurity;
import org.crmbackoffice.support.security.RolePermissions;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.AccessMatrix;
import org.crmbackoffice.testsupport.AccessMatrix.Answer;
import org.crmbackoffice.testsupport.AccessMatrix.As;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.EventStreamClient;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

/**
 * The interaction service's whole access matrix: every endpoint, every role, no token and
 * a partner on another partner's interactions, each answer as the role table and endpoint
 * permissions say. The interactions name no customer, so the inventory is not asked.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class AccessMatrixTests {

	private static final String V5 = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final String V4 = "/tmf-api/partyInteraction/v4/partyInteraction";

	private static final String SATISFACTION = "/interaction/v1/partyInteraction";

	private static final String DELIVERY = "/interaction/v1/delivery";

	private static final String EVENTS = "/interaction/v1/events";

	private static final List<String> HUBS = List.of("/tmf-api/partyInteraction/v5/hub",
			"/tmf-api/partyInteraction/v4/hub");

	// Parties of their own, so interactions other tests log for their partners never
	// count as this one's.
	private static final String OWNER = "matrix-owner-" + UUID.randomUUID();

	private static final String OTHER_PARTNER = "matrix-other-" + UUID.randomUUID();

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	private JsonClient agent;

	@Test
	void everyEndpointAnswersEachCallerAsTheRoleTableSays(@Autowired RolePermissions roles,
			@Autowired EndpointPermissions endpoints,
			@Autowired RequestMappingHandlerMapping requestMappingHandlerMapping) {
		String agentToken = TestIssuer.shared().tokenFor(Roles.AGENT);
		this.agent = new JsonClient(
				this.client.mutate().defaultHeaders((headers) -> headers.setBearerAuth(agentToken)).build(), this.json);
		JsonClient admin = new JsonClient(this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build(), this.json);
		String interaction = interaction();
		// The other partner has an interaction of its own: its lists are not empty for
		// want of any.
		this.agent.post(V5, interactionWith(OTHER_PARTNER));
		String answered = completedInteraction();
		this.agent.post(SATISFACTION + "/" + answered + "/satisfaction", "{\"csat\": 4}");
		List<String> listeners = HUBS.stream()
			.map((hub) -> admin.post(hub, registration()).path("id").asString())
			.toList();
		interaction();
		String delivery = admin.get(DELIVERY + "?hubId=" + listeners.get(0)).get(0).path("id").asString();

		AccessMatrix matrix = new AccessMatrix(this.client, roles, endpoints, OTHER_PARTNER);
		matrix.row(POST, V5, 201, (as) -> post(as, V5, interactionWith(OWNER), OWNER)).foreign(403);
		matrix.row(GET, V5, 200, (as) -> get(as, V5 + "?limit=1000", interaction));
		matrix.row(GET, V5 + "/{id}", 200, (as) -> get(as, V5 + "/" + interaction, interaction)).foreign(404);
		matrix.row(PATCH, V5 + "/{id}", 200, (as) -> patch(as, V5 + "/" + interaction));
		matrix.row(DELETE, V5 + "/{id}", 204, (as) -> delete(as, V5 + "/" + interaction()));
		matrix.row(POST, V5 + "/{id}/note", 201,
				(as) -> post(as, V5 + "/" + interaction + "/note", "{\"text\": \"Called back\"}", OWNER));
		matrix.row(GET, V5 + "/{id}/history", 200, (as) -> get(as, V5 + "/" + interaction + "/history", interaction))
			.foreign(404);
		String v4Create = """
				{"direction": "inbound", "reason": "order status", "channel": [{"id": "chat", "role": "contact"}],
				 "relatedParty": [{"id": "%s", "role": "partner", "@referredType": "Organization"}]}"""
			.formatted(OWNER);
		matrix.row(POST, V4, 201, (as) -> post(as, V4, v4Create, OWNER)).foreign(403);
		matrix.row(GET, V4, 200, (as) -> get(as, V4 + "?limit=1000", interaction));
		matrix.row(GET, V4 + "/{id}", 200, (as) -> get(as, V4 + "/" + interaction, interaction)).foreign(404);
		matrix.row(PATCH, V4 + "/{id}", 200, (as) -> patch(as, V4 + "/" + interaction));
		matrix.row(DELETE, V4 + "/{id}", 204, (as) -> delete(as, V4 + "/" + interaction()));
		matrix.row(GET, "/interaction/v1/channel", 200, (as) -> get(as, "/interaction/v1/channel", null));
		matrix.row(GET, "/interaction/v1/channel/{id}", 200, (as) -> get(as, "/interaction/v1/channel/chat", null));
		matrix
			.row(GET, SATISFACTION + "/{id}/satisfaction", 200,
					(as) -> get(as, SATISFACTION + "/" + answered + "/satisfaction", answered))
			.foreign(404);
		matrix
			.row(POST, SATISFACTION + "/{id}/satisfaction", 201,
					(as) -> post(as, SATISFACTION + "/" + completedInteraction() + "/satisfaction",
							"{\"csat\": 5, \"nps\": 9}", OWNER))
			.foreign(404);
		// A partner proves itself by its token, anyone else records a check: each on a
		// fresh anonymous interaction of the owner's.
		matrix
			.row(POST, SATISFACTION + "/{id}/authentication", 200, (as) -> post(as,
					SATISFACTION + "/" + interaction() + "/authentication", Roles.PARTNER.equals(as.caller().role())
							? "{\"method\": \"partner-token\"}" : "{\"method\": \"knowledge-questions\"}",
					OWNER))
			.foreign(404);
		matrix.row(POST, SATISFACTION + "/{id}/authenticationCode", 200,
				(as) -> post(as, SATISFACTION + "/" + interaction() + "/authenticationCode", "", OWNER));
		matrix.row(GET, "/interaction/v1/analytics/interaction", 200,
				(as) -> get(as, "/interaction/v1/analytics/interaction", null));
		matrix.row(GET, "/interaction/v1/analytics/party/{partyId}", 200,
				(as) -> get(as, "/interaction/v1/analytics/party/" + OWNER, null));
		matrix.row(GET, "/interaction/v1/export/partyInteraction", 200,
				(as) -> get(as, "/interaction/v1/export/partyInteraction", null));
		matrix.row(GET, "/interaction/v1/export/historyEntry", 200,
				(as) -> get(as, "/interaction/v1/export/historyEntry", null));
		matrix.row(POST, PartyErasureApi.PATH, 200, (as) -> post(as, PartyErasureApi.PATH,
				"{\"partyId\": \"erased-%s\"}".formatted(UUID.randomUUID()), OWNER));
		for (int i = 0; i < HUBS.size(); i++) {
			String hub = HUBS.get(i);
			String listener = listeners.get(i);
			matrix.row(POST, hub, 201, (as) -> post(as, hub, registration(), OWNER));
			matrix.row(GET, hub + "/{id}", 200, (as) -> get(as, hub + "/" + listener, null));
			matrix.row(POST, hub + "/{id}/rotateSecret", 200,
					(as) -> post(as, hub + "/" + listener + "/rotateSecret", "", OWNER));
			matrix.row(DELETE, hub + "/{id}", 204,
					(as) -> delete(as, hub + "/" + admin.post(hub, registration()).path("id").asString()));
		}
		matrix.row(GET, EVENTS, 200, this::openStream);
		matrix.row(GET, DELIVERY, 200, (as) -> get(as, DELIVERY, null));
		matrix.row(GET, DELIVERY + "/{id}", 200, (as) -> get(as, DELIVERY + "/" + delivery, null));
		matrix.row(POST, DELIVERY + "/redeliver", 200,
				(as) -> post(as, DELIVERY + "/redeliver?hubId=" + listeners.get(0), "", OWNER));
		matrix.row(POST, DELIVERY + "/{id}/redeliver", 200,
				(as) -> post(as, DELIVERY + "/" + delivery + "/redeliver", "", OWNER));

		Instant start = Instant.now();
		Map<Integer, Integer> answers = matrix.verify(requestMappingHandlerMapping, ResourceServerSecurity.OPEN_PATHS);
		System.out.println("Access matrix of the interaction service, calls by status: " + answers + " in "
				+ Duration.between(start, Instant.now()).toMillis() + " ms");
	}

	/**
	 * Every call is about the owner's interactions: a partner calls as the owner or as
	 * the other partner.
	 */
	private static Answer get(As as, String uri, String recordId) {
		return as.answer(as.request(GET, uri, OWNER), recordId);
	}

	/**
	 * A stream does not end by itself: its answer is its status, and the body of a
	 * refusal.
	 */
	private Answer openStream(As as) {
		try (EventStreamClient stream = EventStreamClient.open(URI.create("http://localhost:" + this.port + EVENTS),
				as.bearer(OWNER), null)) {
			return new Answer(stream.status(), (stream.status() == 200) ? "" : stream.refusal(), null);
		}
	}

	private static Answer post(As as, String uri, String body, String owner) {
		return as.answer(as.request(POST, uri, owner).contentType(MediaType.APPLICATION_JSON).body(body), null);
	}

	private static Answer patch(As as, String uri) {
		return as.answer(as.request(PATCH, uri, OWNER)
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body("{\"description\": \"Checked\"}"), null);
	}

	private static Answer delete(As as, String uri) {
		return as.answer(as.request(DELETE, uri, OWNER), null);
	}

	private String interaction() {
		return this.agent.post(V5, interactionWith(OWNER)).path("id").asString();
	}

	private String completedInteraction() {
		String id = interaction();
		this.agent.patch(V5 + "/" + id, "{\"status\": \"completed\"}");
		return id;
	}

	private static String interactionWith(String partyId) {
		return """
				{"@type": "PartyInteraction", "direction": "inbound", "reason": "order status",
				 "relatedChannel": [{"role": "contact", "channel": {"id": "chat"}}],
				 "relatedParty": [{"role": "partner",
				                   "partyOrPartyRole": {"id": "%s", "@referredType": "Organization"}}]}"""
			.formatted(partyId);
	}

	private static String registration() {
		return "{\"callback\": \"http://127.0.0.1:9/events\"}";
	}

}
