package org.crmbackoffice.inventory;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.crmbackoffice.support.apidocs.ApiDocumentationConventions;
import org.crmbackoffice.support.web.ReportPages;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Swagger UI, {@code /v3/api-docs} and the service's pages say about it. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI customerInventoryApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("Customer Inventory (TMF629 Customer Management, TMF632 Party Management)")
				.description("""
						The enterprise's record of its customers and the parties they engage (eTOM 1.3.16 Customer \
						Inventory Management). \
						Errors are RFC 9457 problem details; lists page with offset and limit and report \
						X-Total-Count and X-Result-Count.""")
				.version((properties != null) ? properties.getVersion() : "development")
				.license(new License().name("Apache-2.0").identifier("Apache-2.0")));
	}

	/**
	 * The main resources first, then notification, then the back office's own resources.
	 */
	@Bean
	OpenApiCustomizer tagOrder() {
		return ApiDocumentationConventions.tagOrder("customer", "customer v4", "individual", "organization",
				"agreement", "hub", "delivery", "events", "data quality", "audit", "report", "privacy");
	}

	@Bean
	ReportPages reportPages() {
		return new ReportPages("quality-report");
	}

}
