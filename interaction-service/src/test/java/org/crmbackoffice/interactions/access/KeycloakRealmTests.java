package org.crmbackoffice.interactions.access;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.support.security.SecurityProperties;
import org.crmbackoffice.testsupport.FreshPostgresDatabase;
import org.crmbackoffice.testsupport.NoBackgroundDelivery;
import org.crmbackoffice.testsupport.NoRateLimits;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.keycloak.common.Version;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.crmbackoffice.interactions.access.InteractionAccessTests.callWith;
import static org.crmbackoffice.interactions.access.InteractionAccessTests.log;

/**
 * The Keycloak realm the repository ships
 * ({@code deploy/keycloak/crm-backoffice-realm.json}) issues tokens this service accepts
 * and reads as intended. Each token here is made the way Keycloak makes it: the claims
 * Keycloak always sets, then what the realm's protocol mappers of the client add for the
 * user, read from the export itself, so that a claim name, audience or role changed on
 * either side fails this test. The tokens are signed with the {@link TestIssuer}'s key,
 * served as the realm's key set at Keycloak's paths, and the service trusts that realm's
 * issuer URI as it would trust Keycloak's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = { FreshPostgresDatabase.class, KeycloakRealmTests.RealmIssuer.class,
		NoBackgroundDelivery.class, NoRateLimits.class })
class KeycloakRealmTests {

	private static final Path REALM_EXPORT = Path.of("..", "deploy", "keycloak", "crm-backoffice-realm.json");

	private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

	private static final String USER_PROFILE_PROVIDER = "org.keycloak.userprofile.UserProfileProvider";

	private static final Path DEMO_CLIENTS = Path.of("..", "dev-auth-server", "src", "main", "resources",
			"application.yml");

	private static final String BASE = "/tmf-api/partyInteraction/v5/partyInteraction";

	/** The client of the browser front ends, through which people sign in. */
	private static final String FRONT_END = "crm-backoffice-ui";

	private static final Set<String> KNOWN_MAPPERS = Set.of("oidc-usermodel-realm-role-mapper",
			"oidc-usermodel-attribute-mapper", "oidc-audience-mapper", "oidc-hardcoded-claim-mapper");

	private static final JsonNode realm = JsonMapper.builder().build().readTree(REALM_EXPORT.toFile());

	private static final TestIssuer issuer = TestIssuer.shared();

	/** Keycloak gives every user an id of its own; this test one per user name. */
	private static final Map<String, String> userIds = new ConcurrentHashMap<>();

	@Autowired
	RestTestClient client;

	@Autowired
	SecurityProperties claims;

	@Value("${spring.security.oauth2.resourceserver.jwt.audiences}")
	List<String> audiences;

	@Test
	void isARealmExportOfTheKeycloakTheStackRuns() throws Exception {
		// Keycloak's own classes, failing on any field they do not have: a misspelt or
		// misplaced setting would otherwise be ignored at import without a word.
		com.fasterxml.jackson.databind.ObjectMapper keycloak = new com.fasterxml.jackson.databind.ObjectMapper()
			.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		RealmRepresentation export = keycloak.readValue(REALM_EXPORT.toFile(), RealmRepresentation.class);
		assertThat(export.getRealm()).isEqualTo("crm-backoffice");
		assertThat(export.getClientScopes()).as("built-in client scopes kept").isNull();
		UPConfig profile = keycloak.readValue(
				export.getComponents().getFirst(USER_PROFILE_PROVIDER).getConfig().getFirst("kc.user.profile.config"),
				UPConfig.class);
		assertThat(profile.getAttribute("party_id")).isNotNull();
		for (String attribute : List.of("username", "email", "firstName", "lastName")) {
			assertThat(profile.getAttribute(attribute)).as(attribute).isNotNull();
		}
		// The classes are those of the Keycloak version docker compose runs.
		assertThat(yamlProperties(COMPOSE).getProperty("services.keycloak.image"))
			.isEqualTo("quay.io/keycloak/keycloak:" + Version.VERSION);
	}

	@Test
	void definesExactlyTheRolesTheServicesKnow() {
		assertThat(names(realm.path("roles").path("realm"), "name")).isEqualTo(serviceRoles());
	}

	@Test
	void everyClientPutsRolesPartyAndAudienceWhereTheServicesReadThem() {
		for (JsonNode client : realm.path("clients")) {
			String clientId = client.path("clientId").asString();
			JsonNode roles = mapper(client, "oidc-usermodel-realm-role-mapper");
			assertThat(roles.path("claim.name").asString()).as(clientId).isEqualTo(this.claims.rolesClaim());
			assertThat(roles.path("multivalued").asString()).as(clientId).isEqualTo("true");
			JsonNode party = mapper(client, "oidc-usermodel-attribute-mapper");
			assertThat(party.path("claim.name").asString()).as(clientId).isEqualTo(this.claims.partyIdClaim());
			assertThat(party.path("multivalued").asString()).as(clientId).isEqualTo("false");
			assertThat(audiencesOf(client)).as(clientId).containsAnyElementsOf(this.audiences);
			for (JsonNode mapper : client.path("protocolMappers")) {
				assertThat(mapper.path("config").path("access.token.claim").asString()).as(clientId).isEqualTo("true");
			}
			// Only the roles of the CRM back office reach a token: not Keycloak's
			// default-roles-*, offline_access or account roles.
			assertThat(client.path("fullScopeAllowed").asBoolean(true)).as(clientId).isFalse();
			assertThat(scopeOf(clientId)).as(clientId).isNotEmpty().isSubsetOf(serviceRoles());
		}
	}

	@Test
	void partyIdIsAUserProfileAttributeOnlyAdministratorsSet() {
		JsonNode profile = userProfile();
		Set<String> mapped = new TreeSet<>();
		realm.path("clients")
			.forEach((client) -> mapped
				.add(mapper(client, "oidc-usermodel-attribute-mapper").path("user.attribute").asString()));
		assertThat(mapped).hasSize(1);
		JsonNode attribute = named(profile.path("attributes"), mapped.iterator().next());
		// Keycloak 24 and newer keep attributes the user profile does not declare out of
		// tokens.
		assertThat(attribute.isMissingNode()).as("party attribute declared in the user profile").isFalse();
		// A partner who could edit it would act as any party.
		assertThat(names(attribute.path("permissions").path("edit"), null)).containsExactly("admin");
		assertThat(attribute.path("multivalued").asBoolean()).isFalse();
		// Default: unmanaged attributes disabled, so nothing else slips into a user.
		assertThat(profile.path("unmanagedAttributePolicy").isMissingNode()).isTrue();
	}

	@Test
	void frontEndsSignInWithAuthorizationCodeAndPkce() {
		JsonNode frontEnd = named(realm.path("clients"), FRONT_END, "clientId");
		assertThat(frontEnd.path("publicClient").asBoolean()).isTrue();
		assertThat(frontEnd.path("standardFlowEnabled").asBoolean()).isTrue();
		assertThat(frontEnd.path("implicitFlowEnabled").asBoolean()).isFalse();
		assertThat(frontEnd.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(frontEnd.path("serviceAccountsEnabled").asBoolean()).isFalse();
		assertThat(frontEnd.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
		// Swagger UI (springdoc) receives the code at /swagger-ui/oauth2-redirect.html.
		assertThat(names(frontEnd.path("redirectUris"), null)).contains(
				"http://localhost:8081/swagger-ui/oauth2-redirect.html",
				"http://localhost:8082/swagger-ui/oauth2-redirect.html");
		// Its tokens name it as the client, as every JWT access token should (RFC 9068),
		// so that records and audit entries say which front end a change came from.
		assertThat(hardcodedClaims(frontEnd)).containsEntry(this.claims.clientIdClaim(), FRONT_END);
	}

	@Test
	void machineClientsAreTheDevelopmentServersDemoClients() {
		Map<String, String> expected = new TreeMap<>();
		Properties yaml = yamlProperties(DEMO_CLIENTS);
		for (int i = 0; yaml.containsKey("crm.dev-auth.clients[" + i + "].id"); i++) {
			String prefix = "crm.dev-auth.clients[" + i + "]";
			Set<String> roles = new TreeSet<>();
			for (int r = 0; yaml.containsKey(prefix + ".roles[" + r + "]"); r++) {
				roles.add(yaml.getProperty(prefix + ".roles[" + r + "]"));
			}
			expected.put(yaml.getProperty(prefix + ".id"), roles + " " + yaml.getProperty(prefix + ".party-id"));
		}
		Map<String, String> machines = new TreeMap<>();
		for (JsonNode client : realm.path("clients")) {
			if (client.path("serviceAccountsEnabled").asBoolean()) {
				String clientId = client.path("clientId").asString();
				JsonNode account = serviceAccountOf(clientId);
				machines.put(clientId,
						new TreeSet<>(names(account.path("realmRoles"), null)) + " " + attribute(account, "party_id"));
				// Demo secrets, said to be so, and only on confidential clients.
				assertThat(client.path("secret").asString()).isEqualTo(clientId + "-secret");
				assertThat(client.path("description").asString()).startsWith("DEMO");
				assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
				assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
			}
		}
		assertThat(machines).isEqualTo(expected);
		// People in the export are demo users, named so.
		for (JsonNode user : realm.path("users")) {
			if (user.path("serviceAccountClientId").isMissingNode()) {
				assertThat(user.path("username").asString()).startsWith("demo-");
			}
		}
	}

	@Test
	void agentWhoSignedInReadsAndLogsInteractionsButMayNotDeleteThem() {
		String agent = signedIn("demo-agent");

		PartyInteraction logged = log(this.client, agent, callWith("partner-a"));
		this.client.get()
			.uri(BASE + "?limit=5")
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri(logged.href() + "/history")
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].changedBy")
			.isEqualTo(userIds.get("demo-agent"))
			.jsonPath("$[0].clientId")
			.isEqualTo(FRONT_END);
		this.client.delete()
			.uri(logged.href())
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:forbidden");
		this.client.get()
			.uri("/interaction/v1/export/partyInteraction")
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void partnerWhoSignedInSeesOnlyItsPartysInteractions() {
		JsonNode partner = user("demo-partner");
		String partyId = attribute(partner, "party_id");
		String token = signedIn("demo-partner");
		PartyInteraction own = log(this.client, signedIn("demo-agent"), callWith(partyId));
		PartyInteraction foreign = log(this.client, signedIn("demo-agent"), callWith("someone-else"));

		PartyInteraction[] seen = this.client.get()
			.uri(BASE + "?limit=1000")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartyInteraction[].class)
			.returnResult()
			.getResponseBody();
		assertThat(seen).extracting(PartyInteraction::id).contains(own.id()).doesNotContain(foreign.id());
		this.client.get()
			.uri(own.href())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri(foreign.href())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri(BASE)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(callWith("someone-else"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void partnerSystemWithClientCredentialsActsAsItsParty() {
		JsonNode account = serviceAccountOf("partner-northwind");
		String token = sign(accessToken(named(realm.path("clients"), "partner-northwind", "clientId"), account));
		PartyInteraction own = log(this.client, signedIn("demo-agent"), callWith(attribute(account, "party_id")));
		PartyInteraction foreign = log(this.client, signedIn("demo-agent"), callWith("someone-else"));

		this.client.get()
			.uri(own.href())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri(foreign.href())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/** A user's token after signing in through the front ends' client. */
	private static String signedIn(String username) {
		return sign(accessToken(named(realm.path("clients"), FRONT_END, "clientId"), user(username)));
	}

	private static String sign(Map<String, Object> claims) {
		return issuer.sign(claims);
	}

	/**
	 * The access token Keycloak issues to this user (or client's service account) through
	 * this client: the claims Keycloak sets itself and those of its default client
	 * scopes, then the client's own protocol mappers, each as Keycloak applies it.
	 */
	private static Map<String, Object> accessToken(JsonNode client, JsonNode user) {
		String clientId = client.path("clientId").asString();
		boolean serviceAccount = !user.path("serviceAccountClientId").isMissingNode();
		String username = user.path("username").asString();
		long now = Instant.now().getEpochSecond();
		List<String> roles = rolesInScope(client, user);
		Map<String, Object> token = new LinkedHashMap<>();
		token.put("exp", now + realm.path("accessTokenLifespan").asLong(300));
		token.put("iat", now);
		token.put("jti", UUID.randomUUID().toString());
		token.put("iss", issuer.realmIssuerUri(realm.path("realm").asString()));
		token.put("sub", userIds.computeIfAbsent(username, (name) -> UUID.randomUUID().toString()));
		token.put("typ", "Bearer");
		token.put("azp", clientId);
		token.put("acr", "1");
		if (!client.path("webOrigins").isEmpty()) {
			token.put("allowed-origins", names(client.path("webOrigins"), null));
		}
		token.put("realm_access", Map.of("roles", roles));
		if (serviceAccount) {
			// The service_account client scope of every client with a service account.
			token.put("scope", "profile email");
			token.put("client_id", clientId);
			token.put("clientHost", "172.18.0.5");
			token.put("clientAddress", "172.18.0.5");
		}
		else {
			token.put("auth_time", now);
			token.put("sid", UUID.randomUUID().toString());
			token.put("scope", "openid profile email");
			token.put("email_verified", user.path("emailVerified").asBoolean());
			token.put("name", user.path("firstName").asString() + " " + user.path("lastName").asString());
			token.put("given_name", user.path("firstName").asString());
			token.put("family_name", user.path("lastName").asString());
			token.put("email", user.path("email").asString());
		}
		token.put("preferred_username", username);
		List<String> audience = new ArrayList<>();
		for (JsonNode mapper : client.path("protocolMappers")) {
			String type = mapper.path("protocolMapper").asString();
			JsonNode config = mapper.path("config");
			if (!KNOWN_MAPPERS.contains(type)) {
				fail("Mapper %s of client %s: teach this test what Keycloak puts into a token for %s",
						mapper.path("name").asString(), clientId, type);
			}
			if (!config.path("access.token.claim").asBoolean()) {
				continue;
			}
			switch (type) {
				case "oidc-usermodel-realm-role-mapper" -> {
					if (!roles.isEmpty()) {
						putClaim(token, config, config.path("multivalued").asBoolean() ? roles : roles.get(0));
					}
				}
				case "oidc-usermodel-attribute-mapper" -> {
					List<String> values = names(user.path("attributes").path(config.path("user.attribute").asString()),
							null);
					if (!values.isEmpty()) {
						putClaim(token, config, config.path("multivalued").asBoolean() ? values : values.get(0));
					}
				}
				case "oidc-audience-mapper" -> audience.add(config.path("included.client.audience")
					.asString(config.path("included.custom.audience").asString()));
				case "oidc-hardcoded-claim-mapper" -> putClaim(token, config, config.path("claim.value").asString());
				default -> throw new IllegalStateException(type);
			}
		}
		if (!audience.isEmpty()) {
			token.put("aud", (audience.size() == 1) ? audience.get(0) : audience);
		}
		return token;
	}

	/** A claim name with dots makes nested objects in Keycloak. */
	@SuppressWarnings("unchecked")
	private static void putClaim(Map<String, Object> token, JsonNode config, Object value) {
		String[] path = config.path("claim.name").asString().split("\\.");
		Map<String, Object> into = token;
		for (int i = 0; i < path.length - 1; i++) {
			into = (Map<String, Object>) into.computeIfAbsent(path[i], (name) -> new LinkedHashMap<>());
		}
		into.put(path[path.length - 1], value);
	}

	/**
	 * The user's realm roles that reach a token of this client: all of them with the
	 * realm's default roles where the client has full scope, else those of its scope.
	 */
	private static List<String> rolesInScope(JsonNode client, JsonNode user) {
		Set<String> roles = new LinkedHashSet<>(names(user.path("realmRoles"), null));
		if (client.path("fullScopeAllowed").asBoolean(true)) {
			roles.addAll(
					List.of("default-roles-" + realm.path("realm").asString(), "offline_access", "uma_authorization"));
		}
		else {
			roles.retainAll(scopeOf(client.path("clientId").asString()));
		}
		return List.copyOf(roles);
	}

	private static Set<String> scopeOf(String clientId) {
		Set<String> scope = new TreeSet<>();
		for (JsonNode mapping : realm.path("scopeMappings")) {
			if (clientId.equals(mapping.path("client").asString())) {
				scope.addAll(names(mapping.path("roles"), null));
			}
		}
		return scope;
	}

	private static JsonNode mapper(JsonNode client, String type) {
		List<JsonNode> found = StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
			.filter((mapper) -> type.equals(mapper.path("protocolMapper").asString()))
			.toList();
		assertThat(found).as("%s mappers of client %s", type, client.path("clientId").asString()).hasSize(1);
		return found.get(0).path("config");
	}

	private static List<String> audiencesOf(JsonNode client) {
		JsonNode config = mapper(client, "oidc-audience-mapper");
		return List
			.of(config.path("included.client.audience").asString(config.path("included.custom.audience").asString()));
	}

	private static Map<String, String> hardcodedClaims(JsonNode client) {
		Map<String, String> claims = new TreeMap<>();
		for (JsonNode mapper : client.path("protocolMappers")) {
			if ("oidc-hardcoded-claim-mapper".equals(mapper.path("protocolMapper").asString())) {
				claims.put(mapper.path("config").path("claim.name").asString(),
						mapper.path("config").path("claim.value").asString());
			}
		}
		return claims;
	}

	private static JsonNode user(String username) {
		return named(realm.path("users"), username, "username");
	}

	private static JsonNode serviceAccountOf(String clientId) {
		return named(realm.path("users"), clientId, "serviceAccountClientId");
	}

	private static String attribute(JsonNode user, String name) {
		List<String> values = names(user.path("attributes").path(name), null);
		return values.isEmpty() ? null : values.get(0);
	}

	/** The user profile, which Keycloak keeps as a JSON text in a component's config. */
	private static JsonNode userProfile() {
		JsonNode component = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
		assertThat(component.path("providerId").asString()).isEqualTo("declarative-user-profile");
		return JsonMapper.builder()
			.build()
			.readTree(component.path("config").path("kc.user.profile.config").path(0).asString());
	}

	private static JsonNode named(JsonNode array, String name) {
		return named(array, name, "name");
	}

	private static JsonNode named(JsonNode array, String value, String field) {
		for (JsonNode element : array) {
			if (value.equals(element.path(field).asString())) {
				return element;
			}
		}
		return array.path(array.size());
	}

	/** The texts of an array, or of a field of each of its objects. */
	private static List<String> names(JsonNode array, String field) {
		List<String> names = new ArrayList<>();
		array.forEach((element) -> names.add((field != null) ? element.path(field).asString() : element.asString()));
		return names;
	}

	private static List<String> serviceRoles() {
		List<String> roles = new ArrayList<>();
		for (Field field : Roles.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					roles.add((String) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return roles;
	}

	/** A YAML file as Spring Boot flattens it into properties. */
	private static Properties yamlProperties(Path file) {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource(file));
		return yaml.getObject();
	}

	/** Trusts the realm's issuer, as a deployment pointed at Keycloak does. */
	static class RealmIssuer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String realmIssuer = issuer.realmIssuerUri(realm.path("realm").asString());
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("keycloakRealm",
						Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", realmIssuer,
								"spring.security.oauth2.client.provider.crm.token-uri",
								realmIssuer + "/protocol/openid-connect/token")));
		}

	}

}
