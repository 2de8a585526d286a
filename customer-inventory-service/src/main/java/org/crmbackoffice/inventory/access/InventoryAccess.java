package org.crmbackoffice.inventory.access;

import java.util.Map;
import java.util.Set;

import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.support.hub.HubConfiguration;
import org.crmbackoffice.support.security.EndpointPermissions;
import org.crmbackoffice.support.security.ResourceServerSecurity;
import org.crmbackoffice.support.security.RolePermissions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static org.crmbackoffice.support.security.Roles.ADMIN;
import static org.crmbackoffice.support.security.Roles.AGENT;
import static org.crmbackoffice.support.security.Roles.AUDITOR;
import static org.crmbackoffice.support.security.Roles.DATA_STEWARD;
import static org.crmbackoffice.support.security.Roles.INTERACTION_SERVICE;
import static org.crmbackoffice.support.security.Roles.PARTNER;
import static org.crmbackoffice.support.security.Roles.SUPERVISOR;

/**
 * The customer inventory's access control in one place. Permissions of features still to
 * come (changing, closing, erasing and exporting customers, audit trail, reports,
 * data-quality audits) are part of the table so that the roles mean the same thing from
 * the start.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryAccess {

	public static final String CUSTOMER_READ = "customer:read";

	/** A business partner's own customer record, and no other. */
	public static final String CUSTOMER_READ_OWN = "customer:read-own";

	public static final String CUSTOMER_CREATE = "customer:create";

	public static final String CUSTOMER_UPDATE = "customer:update";

	public static final String CUSTOMER_CLOSE = "customer:close";

	public static final String CUSTOMER_ERASE = "customer:erase";

	/** Downloading customer data is a permission of its own, apart from reading it. */
	public static final String CUSTOMER_EXPORT = "customer:export";

	public static final String AUDIT_READ = "audit:read";

	public static final String REPORT_READ = "report:read";

	public static final String QUALITY_AUDIT = "quality:audit";

	/**
	 * Registering event listeners and looking after their deliveries: an integration
	 * task.
	 */
	public static final String HUB_MANAGE = HubConfiguration.HUB_MANAGE;

	private static final String PRIVACY_PATH = "/inventory/v1/customer/*";

	private static final String QUALITY_PATH = "/inventory/v1/quality";

	private static final String LIVE_EVENTS = "/inventory/v1/events";

	private static final String AUDIT_PATH = "/inventory/v1/audit/**";

	private static final String REPORT_PATH = "/inventory/v1/report/**";

	@Bean
	RolePermissions inventoryRolePermissions() {
		return RolePermissions.of(Map.of(AGENT, Set.of(CUSTOMER_READ), SUPERVISOR, Set.of(CUSTOMER_READ, REPORT_READ),
				PARTNER, Set.of(CUSTOMER_READ_OWN), DATA_STEWARD,
				Set.of(CUSTOMER_READ, CUSTOMER_CREATE, CUSTOMER_UPDATE, CUSTOMER_CLOSE, QUALITY_AUDIT), AUDITOR,
				Set.of(AUDIT_READ, REPORT_READ), ADMIN,
				Set.of(CUSTOMER_READ, CUSTOMER_CREATE, CUSTOMER_UPDATE, CUSTOMER_CLOSE, CUSTOMER_ERASE, CUSTOMER_EXPORT,
						AUDIT_READ, REPORT_READ, QUALITY_AUDIT, HUB_MANAGE, ResourceServerSecurity.MONITORING),
				// The interaction service checks that the customers an interaction names
				// exist.
				INTERACTION_SERVICE, Set.of(CUSTOMER_READ)));
	}

	/** TMF629 v4, served beside v5 over the same customers. */
	private static final String V4_CUSTOMERS = "/tmf-api/customerManagement/v4/customer";

	/**
	 * TMF632 parties are the customers' party data: reading and changing them goes with
	 * the customers'.
	 */
	private static final String[] PARTIES = { PartyApi.INDIVIDUAL_PATH, PartyApi.ORGANIZATION_PATH };

	private static final String[] PARTY = { PartyApi.INDIVIDUAL_PATH + "/*", PartyApi.ORGANIZATION_PATH + "/*" };

	@Bean
	EndpointPermissions inventoryEndpointPermissions() {
		return EndpointPermissions.builder()
			.on(HttpMethod.GET, CustomerApi.BASE_PATH, CustomerApi.BASE_PATH + "/*", V4_CUSTOMERS, V4_CUSTOMERS + "/*")
			.anyOf(CUSTOMER_READ, CUSTOMER_READ_OWN)
			.on(HttpMethod.POST, CustomerApi.BASE_PATH, V4_CUSTOMERS)
			.anyOf(CUSTOMER_CREATE)
			.on(HttpMethod.PATCH, CustomerApi.BASE_PATH + "/*", V4_CUSTOMERS + "/*")
			.anyOf(CUSTOMER_UPDATE)
			// Agreements are part of the customer's record: reading and changing them
			// goes with the customer's.
			.on(HttpMethod.GET, PARTIES)
			.anyOf(CUSTOMER_READ, CUSTOMER_READ_OWN)
			.on(HttpMethod.GET, PARTY)
			.anyOf(CUSTOMER_READ, CUSTOMER_READ_OWN)
			.on(HttpMethod.POST, PARTIES)
			.anyOf(CUSTOMER_CREATE)
			.on(HttpMethod.PATCH, PARTY)
			.anyOf(CUSTOMER_UPDATE)
			.on(HttpMethod.DELETE, PARTY)
			.anyOf(CUSTOMER_ERASE)
			.on(HttpMethod.GET, AgreementApi.BASE_PATH, AgreementApi.BASE_PATH + "/*")
			.anyOf(CUSTOMER_READ, CUSTOMER_READ_OWN)
			.on(HttpMethod.POST, AgreementApi.BASE_PATH)
			.anyOf(CUSTOMER_UPDATE)
			.on(HttpMethod.PATCH, AgreementApi.BASE_PATH + "/*")
			.anyOf(CUSTOMER_UPDATE)
			.on(HttpMethod.GET, PRIVACY_PATH + "/export")
			.anyOf(CUSTOMER_EXPORT)
			.on(HttpMethod.POST, PRIVACY_PATH + "/erasure")
			.anyOf(CUSTOMER_ERASE)
			.on(HttpMethod.DELETE, CustomerApi.BASE_PATH + "/*", V4_CUSTOMERS + "/*")
			.anyOf(CUSTOMER_ERASE)
			.on(HttpMethod.GET, PRIVACY_PATH + "/privacyRequest")
			.anyOf(AUDIT_READ)
			// The landing page, the quality report page, their scripts and chart library
			// hold no data; the report page
			// asks with a token.
			.on(HttpMethod.GET, "/", "/index.html", "/quality-report/**", "/dashboard-support/**",
					"/webjars/chart.js/**")
			.open()
			.on(HttpMethod.GET, LIVE_EVENTS)
			.anyOf(CUSTOMER_READ, CUSTOMER_READ_OWN, AUDIT_READ)
			.on(HttpMethod.GET, QUALITY_PATH + "/report")
			.anyOf(QUALITY_AUDIT, REPORT_READ)
			.onAnyMethod(QUALITY_PATH + "/**")
			.anyOf(QUALITY_AUDIT)
			.on(HttpMethod.GET, AUDIT_PATH)
			.anyOf(AUDIT_READ)
			.on(HttpMethod.GET, REPORT_PATH)
			.anyOf(REPORT_READ)
			.onAnyMethod("/tmf-api/customerManagement/v5/hub", "/tmf-api/customerManagement/v5/hub/**",
					"/tmf-api/customerManagement/v4/hub", "/tmf-api/customerManagement/v4/hub/**",
					PartyApi.BASE_PATH + "/hub", PartyApi.BASE_PATH + "/hub/**", "/inventory/v1/delivery",
					"/inventory/v1/delivery/**")
			.anyOf(HUB_MANAGE)
			.build();
	}

}
