package org.crmbackoffice.devauth;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clients and what their tokens say. Every client's secret is its id followed by
 * {@code -secret}, so the documentation can name them all.
 *
 * @param audience the {@code aud} of every token: what the CRM back office services
 * expect
 * @param servicePorts the ports of the services whose pages (Swagger UI, report pages)
 * ask for tokens from the browser; each is allowed on every one of {@code serviceHosts}
 * @param serviceHosts the host names those pages are opened at: a browser sends
 * {@code localhost} and {@code 127.0.0.1} as different origins although they are the same
 * machine
 * @param allowedOrigins further browser origins that may call the token endpoint, e.g. a
 * front end on another port
 */
@ConfigurationProperties("crm.dev-auth")
record DemoClients(List<DemoClient> clients, @DefaultValue("crm-backoffice") String audience,
		@DefaultValue("30m") Duration tokenTimeToLive, List<Integer> servicePorts, List<String> serviceHosts,
		@DefaultValue List<String> allowedOrigins) {

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
	 * @param partyId for a business partner, the party its tokens name
	 */
	record DemoClient(String id, List<String> roles, String partyId) {

		String secret() {
			return this.id + "-secret";
		}

	}

}
