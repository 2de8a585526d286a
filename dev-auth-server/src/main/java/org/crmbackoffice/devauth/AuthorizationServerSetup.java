package org.crmbackoffice.devauth;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmbackoffice.devauth.DemoClients.DemoClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Issues client-credentials tokens that carry what the CRM back office reads from any
 * identity provider: the roles, the partner's party id, the client id, and the services'
 * audience. The issuer is {@code spring.security.oauth2.authorizationserver.issuer}; the
 * signing key is made at start-up.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSetup {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
			.cors(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
			.permitAll()
			.anyRequest()
			.denyAll());
		return http.build();
	}

	@Bean
	RegisteredClientRepository demoClientRepository(DemoClients demo) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(demo.tokenTimeToLive()).build();
		List<RegisteredClient> clients = demo.clients()
			.stream()
			.map((client) -> RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(client.id())
				.clientSecret("{noop}" + client.secret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenSettings(tokens)
				.build())
			.toList();
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> crmClaims(DemoClients demo) {
		Map<String, DemoClient> byId = demo.clients()
			.stream()
			.collect(Collectors.toMap(DemoClient::id, (client) -> client));
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			DemoClient client = byId.get(context.getRegisteredClient().getClientId());
			context.getClaims()
				.audience(List.of(demo.audience()))
				.claim("client_id", client.id())
				.claim("roles", client.roles());
			if (client.partyId() != null) {
				context.getClaims().claim("party_id", client.partyId());
			}
		};
	}

	/**
	 * Lets Swagger UI and the report pages, served by the services, ask for tokens from
	 * the browser, at whichever of the allowed host names they were opened.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(DemoClients demo) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.copyOf(demo.origins()));
		cors.setAllowedMethods(List.of("POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Requested-With"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/oauth2/token", cors);
		return source;
	}

}
