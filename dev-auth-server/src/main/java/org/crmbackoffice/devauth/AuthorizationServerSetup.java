package org.crmbackoffice.devauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.crmbackoffice.devauth.DemoClients.DemoClient;
import org.crmbackoffice.devauth.DemoClients.DemoUser;
import org.crmbackoffice.devauth.DemoClients.WebClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OidcProviderConfigurationEndpointConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Issues tokens that carry what the CRM back office reads from any identity provider: the
 * roles, the partner's party id, the client id, and the services' audience. The demo
 * clients get them by client credentials; people sign in at the login page through the
 * web client (authorization code with PKCE, OpenID Connect, refresh tokens) and sign out
 * there or from the page (RP-initiated logout). The issuer is
 * {@code spring.security.oauth2.authorizationserver.issuer}; the signing key is made at
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSetup {

	static final String LOGIN_PAGE = "/login";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, JWKSource<SecurityContext> keys,
			OAuth2TokenCustomizer<JwtEncodingContext> crmClaims) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, (server) -> server.tokenGenerator(tokens(keys, crmClaims))
				.clientAuthentication(
						(clientAuthentication) -> acceptPublicClientRefresh(clientAuthentication, clients))
				.oidc((oidc) -> oidc.providerConfigurationEndpoint(AuthorizationServerSetup::namePublicClients)
					.logoutEndpoint((logout) -> logout.logoutResponseHandler(new SignOutEverywhere(authorizations)))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// Without a session, a person is sent to the login page first.
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browsers()))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
			.cors(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Requests that ask for a page, as a browser's do; not those that take anything, as
	 * an API client's often do.
	 */
	private static RequestMatcher browsers() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

	/**
	 * Signed JWT access and ID tokens with the CRM claims, and refresh tokens for the web
	 * client too.
	 */
	private static OAuth2TokenGenerator<?> tokens(JWKSource<SecurityContext> keys,
			OAuth2TokenCustomizer<JwtEncodingContext> crmClaims) {
		JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
		jwts.setJwtCustomizer(crmClaims);
		return new DelegatingOAuth2TokenGenerator(jwts, new PublicClientRefresh.Tokens());
	}

	private static void acceptPublicClientRefresh(OAuth2ClientAuthenticationConfigurer clientAuthentication,
			RegisteredClientRepository clients) {
		clientAuthentication.authenticationConverter(new PublicClientRefresh.RequestConverter())
			.authenticationProvider(new PublicClientRefresh.ClientAuthentication(clients));
	}

	/**
	 * Says in the OpenID Connect configuration that a client may authenticate with its
	 * PKCE code verifier alone, as the web client does.
	 */
	private static void namePublicClients(OidcProviderConfigurationEndpointConfigurer configuration) {
		configuration.providerConfigurationCustomizer(
				(metadata) -> metadata.tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue()));
	}

	/**
	 * The login page, signing out, this server's start page and health; nothing else.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/health", "/", LOGIN_PAGE, "/logout", "/error")
			.permitAll()
			.anyRequest()
			.denyAll())
			.formLogin((form) -> form.loginPage(LOGIN_PAGE))
			.logout((logout) -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"));
		return http.build();
	}

	@Bean
	RegisteredClientRepository demoClientRepository(DemoClients demo) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(demo.tokenTimeToLive()).build();
		List<RegisteredClient> clients = new ArrayList<>(demo.clients()
			.stream()
			.map((client) -> RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(client.id())
				.clientSecret("{noop}" + client.secret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenSettings(tokens)
				.build())
			.toList());
		clients.add(webClient(demo));
		return new InMemoryRegisteredClientRepository(clients);
	}

	/**
	 * The public client of the services' pages: authorization code with PKCE only, no
	 * consent screen (the demo users consent by signing in), refresh tokens used once.
	 */
	private static RegisteredClient webClient(DemoClients demo) {
		WebClient web = demo.webClient();
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(web.id())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(demo.pageUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(demo.pageUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(demo.tokenTimeToLive())
				.refreshTokenTimeToLive(web.refreshTokenTimeToLive())
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

	@Bean
	UserDetailsService demoUsers(DemoClients demo) {
		return new InMemoryUserDetailsManager(demo.users()
			.stream()
			.map((user) -> User.withUsername(user.username())
				.password("{noop}" + user.password())
				.authorities(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

	/**
	 * Tells the registry of OpenID Connect sessions when a session ends.
	 */
	@Bean
	HttpSessionEventPublisher sessionEvents() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * Kept in memory, like everything here: a restart signs everyone out.
	 */
	@Bean
	OAuth2AuthorizationService authorizations() {
		return new InMemoryOAuth2AuthorizationService();
	}

	/**
	 * The claims of an access token: a client's roles and party by client credentials,
	 * the signed-in user's through the web client.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> crmClaims(DemoClients demo) {
		Map<String, DemoClient> clients = demo.clients()
			.stream()
			.collect(Collectors.toMap(DemoClient::id, Function.identity()));
		Map<String, DemoUser> users = demo.users()
			.stream()
			.collect(Collectors.toMap(DemoUser::username, Function.identity()));
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			List<String> roles = List.of();
			String partyId = null;
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				DemoClient client = clients.get(context.getRegisteredClient().getClientId());
				if (client != null) {
					roles = client.roles();
					partyId = client.partyId();
				}
			}
			else {
				DemoUser user = users.get(context.getPrincipal().getName());
				if (user != null) {
					roles = user.roles();
					partyId = user.partyId();
				}
			}
			context.getClaims()
				.audience(List.of(demo.audience()))
				.claim("client_id", context.getRegisteredClient().getClientId())
				.claim("roles", roles);
			if (partyId != null) {
				context.getClaims().claim("party_id", partyId);
			}
		};
	}

	/**
	 * Lets Swagger UI and the report pages, served by the services, ask for tokens from
	 * the browser (by client credentials, or with a code the login gave them), at
	 * whichever of the allowed host names they were opened, and read this server's OpenID
	 * Connect configuration (where to sign out).
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(DemoClients demo) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.copyOf(demo.origins()));
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Requested-With"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/oauth2/token", cors);
		source.registerCorsConfiguration("/.well-known/openid-configuration", cors);
		return source;
	}

}
