package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OAuth2 issuer for tests, on a loopback port: OIDC discovery, a JWKS with a key
 * made for this run, and a client-credentials token endpoint. Services under test are
 * configured with its issuer URI exactly as they would be with a production identity
 * provider, and tests mint tokens for any role with {@link #token()}.
 */
public final class TestIssuer {

	/** The audience the services expect, as configured in their defaults. */
	public static final String AUDIENCE = "crm-backoffice";

	/** Where Keycloak serves its realms, each an issuer of its own. */
	private static final String REALMS = "/realms/";

	private static TestIssuer shared;

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();

	private TestIssuer() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/.well-known/openid-configuration",
				(exchange) -> respond(exchange, 200, discovery()));
		this.server.createContext("/.well-known/oauth-authorization-server",
				(exchange) -> respond(exchange, 200, discovery()));
		this.server.createContext("/jwks",
				(exchange) -> respond(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/token", this::issueClientCredentialsToken);
		this.server.createContext(REALMS, this::serveRealm);
		this.server.start();
	}

	/** The issuer of this test JVM, started on first use. */
	public static synchronized TestIssuer shared() {
		if (shared == null) {
			try {
				shared = new TestIssuer();
			}
			catch (IOException | JOSEException ex) {
				throw new IllegalStateException("Cannot start the test token issuer", ex);
			}
		}
		return shared;
	}

	public String issuerUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The issuer of a Keycloak realm of this name, served at Keycloak's paths below this
	 * issuer ({@code /realms/<realm>/.well-known/openid-configuration},
	 * {@code /realms/<realm>/protocol/openid-connect/certs}) and signing with the same
	 * key: for tests of tokens shaped exactly as Keycloak issues them ({@link #sign}).
	 */
	public String realmIssuerUri(String realm) {
		return issuerUri() + REALMS + realm;
	}

	/**
	 * A token of exactly these claims, signed with this issuer's key as an identity
	 * provider signs its access tokens ({@code alg} RS256, {@code typ} JWT, its
	 * {@code kid}); times ({@code exp}, {@code iat}, {@code nbf}, {@code auth_time}) in
	 * seconds.
	 */
	public String sign(Map<String, Object> claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
				.keyID(this.key.getKeyID())
				.build(), JWTClaimsSet.parse(claims));
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException("Cannot sign a test token", ex);
		}
	}

	/** Lets an OAuth2 client obtain tokens for the given roles by client credentials. */
	public void registerClient(String clientId, String secret, List<String> roles) {
		this.clients.put(clientId, new RegisteredClient(secret, roles));
	}

	public TokenBuilder token() {
		return new TokenBuilder();
	}

	/** A valid token of an enterprise user with the given roles. */
	public String tokenFor(String... roles) {
		return new TokenBuilder().roles(roles).build();
	}

	/** A token with {@code "alg": "none"}: it claims everything and proves nothing. */
	public String unsignedToken(String... roles) {
		return new PlainJWT(new TokenBuilder().roles(roles).claims()).serialize();
	}

	private void issueClientCredentialsToken(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String[] basic = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
		RegisteredClient client = (basic != null) ? this.clients.get(basic[0]) : null;
		if (!body.contains("grant_type=client_credentials") || client == null || !client.secret().equals(basic[1])) {
			respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String token = new TokenBuilder().subject(basic[0]).roles(client.roles().toArray(String[]::new)).build();
		respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
	}

	private static String[] basicCredentials(String header) {
		if (header == null || !header.startsWith("Basic ")) {
			return null;
		}
		String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
		String[] parts = decoded.split(":", 2);
		return (parts.length == 2) ? parts : null;
	}

	/** A realm's discovery document and key set, at the paths Keycloak serves them. */
	private void serveRealm(HttpExchange exchange) throws IOException {
		String[] path = exchange.getRequestURI().getPath().substring(REALMS.length()).split("/", 2);
		String rest = (path.length == 2) ? path[1] : "";
		String realm = issuerUri() + REALMS + path[0];
		String endpoints = realm + "/protocol/openid-connect";
		switch (rest) {
			case ".well-known/openid-configuration" -> respond(exchange, 200,
					discovery(realm, endpoints + "/certs", endpoints + "/token", endpoints + "/auth"));
			case "protocol/openid-connect/certs" ->
				respond(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
			default -> respond(exchange, 404, "{\"error\":\"not_found\"}");
		}
	}

	private String discovery() {
		String issuer = issuerUri();
		return discovery(issuer, issuer + "/jwks", issuer + "/token", issuer + "/authorize");
	}

	private static String discovery(String issuer, String jwks, String token, String authorize) {
		return """
				{"issuer": "%1$s", "jwks_uri": "%2$s", "token_endpoint": "%3$s",
				 "authorization_endpoint": "%4$s", "response_types_supported": ["code"],
				 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
				 "grant_types_supported": ["client_credentials"],
				 "token_endpoint_auth_methods_supported": ["client_secret_basic"]}""".formatted(issuer, jwks, token,
				authorize);
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record RegisteredClient(String secret, List<String> roles) {
	}

	/**
	 * A token as the identity provider would issue it, with each part changeable to test
	 * its rejection.
	 */
	public final class TokenBuilder {

		private String subject = "user-" + UUID.randomUUID();

		private String[] roles = {};

		private String partyId;

		private String issuer = issuerUri();

		private String audience = AUDIENCE;

		private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));

		private RSAKey signingKey = TestIssuer.this.key;

		public TokenBuilder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public TokenBuilder roles(String... roles) {
			this.roles = roles;
			return this;
		}

		/** The party a business partner acts as. */
		public TokenBuilder partyId(String partyId) {
			this.partyId = partyId;
			return this;
		}

		public TokenBuilder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public TokenBuilder audience(String audience) {
			this.audience = audience;
			return this;
		}

		public TokenBuilder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/** Signs with a key the issuer never published. */
		public TokenBuilder signedWithForeignKey() {
			try {
				this.signingKey = new RSAKeyGenerator(2048).keyID(TestIssuer.this.key.getKeyID()).generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return this;
		}

		public String build() {
			try {
				SignedJWT jwt = new SignedJWT(
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID()).build(), claims());
				jwt.sign(new RSASSASigner(this.signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Cannot sign a test token", ex);
			}
		}

		private JWTClaimsSet claims() {
			Instant now = Instant.now();
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
				.subject(this.subject)
				.audience(this.audience)
				.issueTime(Date.from(now.minusSeconds(5)))
				.notBeforeTime(Date.from(now.minusSeconds(5)))
				.expirationTime(Date.from(this.expiresAt))
				.jwtID(UUID.randomUUID().toString())
				.claim("client_id", this.subject)
				.claim("roles", List.of(this.roles));
			if (this.partyId != null) {
				claims.claim("party_id", this.partyId);
			}
			return claims.build();
		}

	}

}
