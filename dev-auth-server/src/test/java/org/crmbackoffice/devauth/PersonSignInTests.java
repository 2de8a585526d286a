package org.crmbackoffice.devauth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmbackoffice.devauth.SignInBrowser.claimsOf;
import static org.crmbackoffice.devauth.SignInBrowser.location;
import static org.crmbackoffice.devauth.SignInBrowser.queryOf;

/**
 * People sign in through the services' pages, over real HTTP as a browser does it: the
 * authorization code flow with PKCE of the public web client, the login page, the tokens
 * of a demo user, refresh, and signing out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonSignInTests {

	@LocalServerPort
	int port;

	SignInBrowser browser;

	@BeforeEach
	void openABrowser() {
		this.browser = new SignInBrowser(this.port);
	}

	@Test
	void signsAnAgentInWithTheLoginPageAndGivesThePageTheAgentsTokens() {
		String authorize = this.browser.authorizationRequest(SignInBrowser.PAGE);
		assertThat(location(this.browser.get(authorize))).as("no session yet: the login page")
			.isEqualTo(this.browser.server() + "/login");
		HttpResponse<String> loginPage = this.browser.get("/login");
		assertThat(loginPage.body()).contains("<form method=\"post\" action=\"/login\"", "name=\"username\"",
				"name=\"password\"", "Demo users", "agent-password");

		String back = location(this.browser.logIn("agent", "agent-password"));
		assertThat(back).startsWith(authorize);
		String code = this.browser.codeFrom(location(this.browser.get(back)));
		HttpResponse<String> exchanged = this.browser.exchangeWith(code,
				"not-the-verifier-" + SignInBrowser.randomValue());
		assertThat(exchanged.statusCode()).as("a code is only worth its verifier").isEqualTo(400);
		assertThat(exchanged.body()).contains("invalid_grant");

		Map<String, Object> tokens = new SignInBrowser(this.port).signIn("agent");
		Map<String, Object> claims = claimsOf(tokens.get("access_token"));
		assertThat(claims).containsEntry("iss", "http://localhost:9000")
			.containsEntry("sub", "agent")
			.containsEntry("client_id", SignInBrowser.CLIENT)
			.containsEntry("roles", List.of("agent"))
			.doesNotContainKey("party_id")
			.containsKey("exp");
		assertThat(claims.get("aud")).asString().contains("crm-backoffice");
		assertThat(tokens).containsKeys("refresh_token", "id_token");
		assertThat(claimsOf(tokens.get("id_token"))).containsEntry("sub", "agent")
			.containsEntry("aud", SignInBrowser.CLIENT);
	}

	@Test
	void letsThePageExchangeItsCodeFromTheBrowser() {
		HttpResponse<String> exchanged = this.browser.signInAndExchange("agent");

		assertThat(exchanged.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.contains("http://localhost:8082");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "agent", "supervisor", "data-steward", "partner", "partner-northwind" })
	void givesEachDemoUserTheRolesAndPartyOfTheClientOfTheSameName(String user) {
		Map<String, Object> person = claimsOf(this.browser.signIn(user).get("access_token"));
		Map<String, Object> client = claimsOf(SignInBrowser
			.tokens(this.browser.post("/oauth2/token", Map.of("grant_type", "client_credentials"),
					HttpHeaders.AUTHORIZATION, basic(user, user + "-secret")))
			.get("access_token"));

		assertThat(person).containsEntry("sub", user);
		assertThat(person.get("roles")).isEqualTo(client.get("roles"));
		assertThat(person.get("party_id")).isEqualTo(client.get("party_id"));
		assertThat(person.get("aud")).isEqualTo(client.get("aud"));
	}

	@Test
	void bindsThePartnersToTheDemoCustomers() {
		assertThat(claimsOf(this.browser.signIn("partner").get("access_token")))
			.containsEntry("roles", List.of("partner"))
			.containsEntry("party_id", "0a1b2c3d-0000-4000-8000-000000000001");
		assertThat(claimsOf(new SignInBrowser(this.port).signIn("partner-northwind").get("access_token")))
			.containsEntry("party_id", "0a1b2c3d-0000-4000-8000-000000000002");
	}

	@Test
	void refusesAWrongPasswordAndSaysSoOnTheLoginPage() {
		String authorize = this.browser.authorizationRequest(SignInBrowser.PAGE);
		location(this.browser.get(authorize));

		String refused = location(this.browser.logIn("agent", "agent-secret"));
		assertThat(refused).endsWith("/login?error");
		assertThat(this.browser.get(refused).body()).contains("The user name or the password is wrong.");
		assertThat(location(this.browser.get(authorize))).as("still not signed in")
			.isEqualTo(this.browser.server() + "/login");
		assertThat(location(this.browser.logIn("nobody", "nobody-password"))).endsWith("/login?error");
	}

	@Test
	void refreshesOnceForEachRefreshToken() {
		Map<String, Object> tokens = this.browser.signIn("supervisor");

		Map<String, Object> refreshed = SignInBrowser
			.tokens(this.browser.refresh((String) tokens.get("refresh_token")));
		assertThat(claimsOf(refreshed.get("access_token"))).containsEntry("sub", "supervisor")
			.containsEntry("roles", List.of("supervisor"))
			.containsEntry("client_id", SignInBrowser.CLIENT);
		assertThat(refreshed.get("refresh_token")).as("a new refresh token")
			.isNotNull()
			.isNotEqualTo(tokens.get("refresh_token"));

		HttpResponse<String> reused = this.browser.refresh((String) tokens.get("refresh_token"));
		assertThat(reused.statusCode()).as("a refresh token is used once").isEqualTo(400);
		assertThat(reused.body()).contains("invalid_grant");
		assertThat(this.browser.refresh((String) refreshed.get("refresh_token")).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesARefreshForAnotherClientOrNoneNamed() {
		String refreshToken = (String) this.browser.signIn("agent").get("refresh_token");

		SignInBrowser anotherClient = new SignInBrowser(this.port);
		assertThat(anotherClient
			.post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
			.statusCode()).as("no client named").isEqualTo(401);
		assertThat(anotherClient
			.post("/oauth2/token",
					Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "agent"))
			.statusCode()).as("a confidential client without its secret").isEqualTo(401);
		assertThat(this.browser.refresh(refreshToken).statusCode()).as("the token still works for its own client")
			.isEqualTo(200);
	}

	@Test
	void signingOutFromThePageEndsTheSessionAndTheRefreshToken() {
		Map<String, Object> tokens = this.browser.signIn("agent");

		String signedOut = location(this.browser.get("/connect/logout?id_token_hint=" + tokens.get("id_token")
				+ "&post_logout_redirect_uri=http://localhost:8081/dashboard/&state=bye"));
		assertThat(signedOut).isEqualTo("http://localhost:8081/dashboard/?state=bye");
		assertThat(this.browser.refresh((String) tokens.get("refresh_token")).statusCode()).isEqualTo(400);
		assertThat(location(this.browser.get(this.browser.authorizationRequest(SignInBrowser.PAGE))))
			.as("the next sign-in shows the login page again")
			.isEqualTo(this.browser.server() + "/login");
	}

	@Test
	void signingOutAtThisServerEndsTheSession() {
		this.browser.signIn("data-steward");
		HttpResponse<String> page = this.browser.get("/logout");
		assertThat(page.body()).contains("Signed in as <strong>data-steward</strong>", "action=\"/logout\"");

		String signedOut = location(this.browser.post("/logout", Map.of("_csrf", SignInBrowser.csrfOf(page.body()))));
		assertThat(signedOut).endsWith("/login?logout");
		assertThat(this.browser.get(signedOut).body()).contains("You have signed out.");
		assertThat(this.browser.get("/").body()).contains("Nobody is signed in here.");
		assertThat(location(this.browser.get(this.browser.authorizationRequest(SignInBrowser.PAGE))))
			.isEqualTo(this.browser.server() + "/login");
	}

	@Test
	void sendsPeopleBackOnlyToThePagesOfTheServices() {
		String partnerPage = "http://127.0.0.1:8081/interaction/partner";
		assertThat(location(this.browser.get(this.browser.authorizationRequest(partnerPage))))
			.isEqualTo(this.browser.server() + "/login");

		HttpResponse<String> elsewhere = this.browser
			.get(this.browser.authorizationRequest("http://localhost:8081/somewhere-else"));
		assertThat(elsewhere.statusCode()).as("no redirect to an unknown page").isEqualTo(400);
		HttpResponse<String> withoutPkce = this.browser
			.get(this.browser.authorizationRequest(SignInBrowser.PAGE).replaceAll("&code_challenge[^&]*", ""));
		assertThat(queryOf(location(withoutPkce))).containsEntry("error", "invalid_request");
	}

	@Test
	void publishesWhereToSignInAndOutToThePagesToo() {
		HttpResponse<String> response = this.browser.get("/.well-known/openid-configuration", HttpHeaders.ORIGIN,
				"http://127.0.0.1:8081");
		String configuration = response.body();

		assertThat(response.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.contains("http://127.0.0.1:8081");
		assertThat(configuration).contains("\"authorization_endpoint\":\"http://localhost:9000/oauth2/authorize\"",
				"\"end_session_endpoint\":\"http://localhost:9000/connect/logout\"", "\"none\"", "\"S256\"");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
