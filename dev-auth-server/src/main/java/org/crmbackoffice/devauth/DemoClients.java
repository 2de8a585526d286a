package org.crmbackoffice.devauth;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clients and users, and what their tokens say. Every client's secret is its id
 * followed by {@code -secret}, every user's password its name followed by
 * {@code -password}, so the documentation can name them all.
 *
 * @param clients the clients that get tokens by client credentials, one per role
 * @param users the people who sign in at the login page, through the pages of the
 * services and {@code webClient}
 * @param webClient the public client the services' pages sign people in with
 * @param audience the {@code aud} of every token: what the CRM back office services
 * expect
 * @param tokenTimeToLive how long an access token is valid
 * @param servicePorts the ports of the services whose pages (Swagger UI, report pages)
 * ask for tokens from the browser; each is allowed on every one of {@code serviceHosts}
 * @param serviceHosts the host names those pages are opened at: a browser sends
 * {@code localhost} and {@code 127.0.0.1} as different origins although they are the same
 * machine
 * @param allowedOrigins further browser origins that may call the token endpoint, e.g. a
 * front end on another port
 */
@ConfigurationProperties("crm.dev-auth")
record DemoClients(List<DemoClient> clients, @DefaultValue List<DemoUser> users, @DefaultValue WebClient webClient,
		@DefaultValue("crm-backoffice") String audience, @DefaultValue("30m") Duration tokenTimeToLive,
		List<Integer> servicePorts, List<String> serviceHosts, @DefaultValue List<String> allowedOrigins) {

	/**
	 * Every origin the token endpoint answers from a browser: each service port on each
	 * host, and the others.
	 */
	Set<String> origins() {
		Set<String> origins = new LinkedHashSet<>();
		for (String host : this.serviceHosts) {
			for (int port : this.servicePorts) {
				origins.add("http://" + host + ":" + port);
			}
		}
		origins.addAll(this.allowedOrigins);
		return origins;
	}

	/**
	 * Where the web client may send people back to with a code, or after signing out:
	 * each page path on each service port and host, and the further redirect URIs.
	 */
	Set<String> pageUris() {
		Set<String> uris = new LinkedHashSet<>();
		for (String host : this.serviceHosts) {
			for (int port : this.servicePorts) {
				for (String path : this.webClient.pagePaths()) {
					uris.add("http://" + host + ":" + port + path);
				}
			}
		}
		uris.addAll(this.webClient.redirectUris());
		return uris;
	}

	/**
	 * @param partyId for a business partner, the party its tokens name
	 */
	record DemoClient(String id, List<String> roles, String partyId) {

		String secret() {
			return this.id + "-secret";
		}

	}

	/**
	 * A person who signs in with a name and password; the tokens issued to the web client
	 * for them name them as subject and carry their roles and party, as a client's do.
	 *
	 * @param partyId for a business partner, the party their tokens name
	 */
	record DemoUser(String username, List<String> roles, String partyId) {

		String password() {
			return this.username + "-password";
		}

	}

	/**
	 * A public client (no secret): the authorization code flow with PKCE, for pages in a
	 * browser, which cannot keep a secret.
	 *
	 * @param id its client id
	 * @param pagePaths the pages of the services that sign people in; each, on every
	 * service port and host, is a redirect URI of the client and a page it may return to
	 * after signing out
	 * @param redirectUris further such URIs, whole, e.g. of a front end on another port
	 * @param refreshTokenTimeToLive how long a person stays signed in without seeing the
	 * login page again: each refresh token is used once and replaced by a new one
	 */
	record WebClient(@DefaultValue("crm-web") String id, @DefaultValue( {
			"/swagger-ui/oauth2-redirect.html" }) List<String> pagePaths, @DefaultValue List<String> redirectUris,
			@DefaultValue("8h") Duration refreshTokenTimeToLive){

	}

}
