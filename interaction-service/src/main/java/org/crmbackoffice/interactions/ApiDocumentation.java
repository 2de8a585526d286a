package org.crmbackoffice.interactions;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.crmbackoffice.support.apidocs.ApiDocumentationConventions;
import org.crmbackoffice.support.web.ReportPages;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Swagger UI, {@code /v3/api-docs} and the service's pages say about it. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI partyInteractionApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI().info(new Info().title("Party Interactions (TMF683 Party Interaction)")
			.description("""
					The log of every interaction between a business partner and the enterprise, on any channel \
					(eTOM 1.6.9 Business Partner Interaction Management), with its lifecycle and the full track \
					record of every change. Customers referred to must exist in the customer inventory. Errors \
					are RFC 9457 problem details; lists page with offset and limit and report X-Total-Count and \
					X-Result-Count; changes are JSON merge patches guarded by ETag and If-Match.""")
			.version((properties != null) ? properties.getVersion() : "development")
			.license(new License().name("Apache-2.0").identifier("Apache-2.0")));
	}

	/**
	 * The main resources first, then notification, then the back office's own resources.
	 */
	@Bean
	OpenApiCustomizer tagOrder() {
		return ApiDocumentationConventions.tagOrder("partyInteraction", "partyInteraction v4", "channel",
				"satisfaction", "authentication", "hub", "delivery", "events", "analytics", "export", "erasure");
	}

	/**
	 * A business partner's self-service page, at the address registered as its sign-in
	 * redirect URI.
	 */
	static final String PARTNER_PAGE = "interaction/partner";

	@Bean
	ReportPages reportPages() {
		return new ReportPages("dashboard", "inbox").signingInAt(PARTNER_PAGE);
	}

}
