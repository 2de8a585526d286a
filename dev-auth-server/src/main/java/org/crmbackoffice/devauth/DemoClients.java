package org.crmbackoffice.devauth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clients and what their tokens say. Every client's secret is its id followed by {@code -secret}, so
 * the documentation can name them all.
 *
 * @param audience the {@code aud} of every token: what the CRM back office services expect
 * @param allowedOrigins browser origins (Swagger UI) that may call the token endpoint
 */
@ConfigurationProperties("crm.dev-auth")
record DemoClients(List<DemoClient> clients, @DefaultValue("crm-backoffice") String audience,
		@DefaultValue("30m") Duration tokenTimeToLive, List<String> allowedOrigins) {

	/**
	 * @param partyId for a business partner, the party its tokens name
	 */
	record DemoClient(String id, List<String> roles, String partyId) {

		String secret() {
			return this.id + "-secret";
		}

	}

}
