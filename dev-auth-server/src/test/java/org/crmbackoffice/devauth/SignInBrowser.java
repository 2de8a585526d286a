package org.crmbackoffice.devauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person's browser does with the development authorization server, over real HTTP:
 * it keeps the session cookie, does not follow redirects (the tests look at each), and
 * plays the page that asks for a sign-in with the authorization code flow and PKCE.
 */
final class SignInBrowser {

	static final String CLIENT = "crm-web";

	static final String PAGE = "http://localhost:8082/swagger-ui/oauth2-redirect.html";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String server;

	private final String verifier = randomValue();

	SignInBrowser(int port) {
		this.server = "http://localhost:" + port;
	}

	String server() {
		return this.server;
	}

	/**
	 * The authorization request of the page, with the challenge of this browser's
	 * verifier.
	 */
	String authorizationRequest(String redirectUri) {
		return this.server + "/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&redirect_uri="
				+ encode(redirectUri) + "&scope=openid&state=the-state&code_challenge=" + challenge(this.verifier)
				+ "&code_challenge_method=S256";
	}

	HttpResponse<String> get(String uri, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(uri)))
			.header(HttpHeaders.ACCEPT, "text/html")
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	HttpResponse<String> post(String uri, Map<String, String> form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(uri)))
			.header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&"))));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Fills in and sends the login form, as a person does on the page the server showed.
	 */
	HttpResponse<String> logIn(String username, String password) {
		HttpResponse<String> page = get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		return post("/login", Map.of("username", username, "password", password, "_csrf", csrfOf(page.body())));
	}

	/**
	 * The whole sign-in of a page: the authorization request, the login page, back to the
	 * page with a code, and the code exchanged for tokens with the verifier.
	 */
	Map<String, Object> signIn(String username) {
		return tokens(signInAndExchange(username));
	}

	/** As {@link #signIn(String)}, answering the token endpoint's response. */
	HttpResponse<String> signInAndExchange(String username) {
		String authorize = authorizationRequest(PAGE);
		assertThat(location(get(authorize))).isEqualTo(this.server + "/login");
		String back = location(logIn(username, username + "-password"));
		assertThat(back).as("back to the authorization request").startsWith(authorize);
		return exchangeWith(codeFrom(location(get(back))), this.verifier);
	}

	String codeFrom(String redirect) {
		assertThat(redirect).startsWith(PAGE + "?");
		Map<String, String> parameters = queryOf(redirect);
		assertThat(parameters).containsEntry("state", "the-state").containsKey("code");
		return parameters.get("code");
	}

	HttpResponse<String> exchangeWith(String code, String verifier) {
		return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "client_id", CLIENT,
				"redirect_uri", PAGE, "code_verifier", verifier), HttpHeaders.ORIGIN, "http://localhost:8082");
	}

	HttpResponse<String> refresh(String refreshToken) {
		return post("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT));
	}

	static Map<String, Object> tokens(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
	}

	/** The claims of a JWT, unverified: the services verify them. */
	static Map<String, Object> claimsOf(Object jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(((String) jwt).split("\\.")[1]),
				StandardCharsets.UTF_8);
		return JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
		});
	}

	static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
		return response.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();
	}

	static Map<String, String> queryOf(String uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(uri)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return parameters;
	}

	static String csrfOf(String page) {
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as("the page has a CSRF token").isTrue();
		return csrf.group(1);
	}

	static String randomValue() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String absolute(String uri) {
		return uri.startsWith("http") ? uri : this.server + uri;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
