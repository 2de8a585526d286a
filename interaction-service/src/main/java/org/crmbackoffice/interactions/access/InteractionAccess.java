package org.crmbackoffice.interactions.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.crmbackoffice.model.interaction.PartyErasureApi;
import org.crmbackoffice.support.hub.HubConfiguration;
import org.crmbackoffice.support.live.LiveEventVisibility;
import org.crmbackoffice.support.security.EndpointPermissions;
import org.crmbackoffice.support.security.ResourceServerSecurity;
import org.crmbackoffice.support.security.RolePermissions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static org.crmbackoffice.support.security.Roles.ADMIN;
import static org.crmbackoffice.support.security.Roles.AGENT;
import static org.crmbackoffice.support.security.Roles.ANALYST;
import static org.crmbackoffice.support.security.Roles.AUDITOR;
import static org.crmbackoffice.support.security.Roles.CUSTOMER_INVENTORY_SERVICE;
import static org.crmbackoffice.support.security.Roles.DATA_STEWARD;
import static org.crmbackoffice.support.security.Roles.PARTNER;
import static org.crmbackoffice.support.security.Roles.SUPERVISOR;

/**
 * The interaction service's access control in one place. Permissions of features still to
 * come (updating, reassigning, cancelling and erasing interactions, reports) are part of
 * the table so that the roles mean the same thing from the start.
 */
@Configuration(proxyBeanMethods = false)
public class InteractionAccess {

	public static final String INTERACTION_READ = "interaction:read";

	/** Only interactions in which the business partner is a related party. */
	public static final String INTERACTION_READ_OWN = "interaction:read-own";

	public static final String INTERACTION_CREATE = "interaction:create";

	/** Only interactions in which the business partner is a related party. */
	public static final String INTERACTION_CREATE_OWN = "interaction:create-own";

	public static final String INTERACTION_UPDATE = "interaction:update";

	public static final String INTERACTION_REASSIGN = "interaction:reassign";

	public static final String INTERACTION_CANCEL = "interaction:cancel";

	/** Taking an interaction off the TMF API; its track record stays. */
	public static final String INTERACTION_DELETE = "interaction:delete";

	public static final String INTERACTION_ERASE = "interaction:erase";

	/**
	 * Recording a partner's satisfaction: the partner for its own interactions, staff on
	 * its behalf.
	 */
	public static final String SATISFACTION_RECORD = "satisfaction:record";

	/**
	 * Recording that an agent authenticated an interaction's partner (knowledge
	 * questions, a document), and issuing the one-time codes agents tell callers.
	 */
	public static final String AUTHENTICATION_RECORD = "authentication:record";

	/**
	 * A business partner proving, on an interaction, that it is its partner: by its token
	 * or by a one-time code an agent gave it.
	 */
	public static final String AUTHENTICATION_PROVE_OWN = "authentication:prove-own";

	/**
	 * Registering event listeners and looking after their deliveries: an integration
	 * task.
	 */
	public static final String HUB_MANAGE = HubConfiguration.HUB_MANAGE;

	public static final String AUDIT_READ = "audit:read";

	public static final String REPORT_READ = "report:read";

	/** Pulling the whole interaction log and its track record, for BI. */
	public static final String INTERACTION_EXPORT = "interaction:export";

	@Bean
	RolePermissions interactionRolePermissions() {
		Set<String> agent = Set.of(INTERACTION_READ, INTERACTION_CREATE, INTERACTION_UPDATE, SATISFACTION_RECORD,
				AUTHENTICATION_RECORD);
		return RolePermissions.of(Map.of(AGENT, agent, SUPERVISOR,
				union(agent, Set.of(INTERACTION_REASSIGN, INTERACTION_CANCEL, INTERACTION_DELETE, REPORT_READ)),
				PARTNER,
				Set.of(INTERACTION_READ_OWN, INTERACTION_CREATE_OWN, SATISFACTION_RECORD, AUTHENTICATION_PROVE_OWN),
				DATA_STEWARD, Set.of(), AUDITOR, Set.of(AUDIT_READ, REPORT_READ), ADMIN,
				union(agent, Set.of(INTERACTION_REASSIGN, INTERACTION_CANCEL, INTERACTION_DELETE, INTERACTION_ERASE,
						AUDIT_READ, REPORT_READ, HUB_MANAGE, INTERACTION_EXPORT, ResourceServerSecurity.MONITORING)),
				// BI jobs pull the exports and the analytics, nothing else: no single
				// interaction, no change.
				ANALYST, Set.of(INTERACTION_EXPORT, REPORT_READ),
				// The customer inventory shows a customer's recent interactions, exports
				// them and erases the customer
				// from them with the customer's own record.
				CUSTOMER_INVENTORY_SERVICE, Set.of(INTERACTION_READ, INTERACTION_ERASE)));
	}

	private static final String LIVE_EVENTS = "/interaction/v1/events";

	/**
	 * Reminders about the enterprise's own deadlines; a partner hears of progress through
	 * its messages instead.
	 */
	private static final Set<String> INTERNAL_EVENTS = Set.of("PartyInteractionOverdueEvent",
			"PartyInteractionReminderEvent");

	/**
	 * A live stream carries what its caller could read: staff every interaction, a
	 * partner those it takes part in, without the enterprise's internal reminders.
	 */
	@Bean
	LiveEventVisibility interactionEventVisibility() {
		return (caller, envelope) -> {
			if (caller.may(INTERACTION_READ)) {
				return true;
			}
			return caller.may(INTERACTION_READ_OWN) && caller.partyId() != null
					&& !INTERNAL_EVENTS.contains(envelope.path("eventType").asString())
					&& envelope.path("event")
						.path("partyInteraction")
						.path("relatedParty")
						.valueStream()
						.anyMatch((party) -> caller.partyId()
							.equals(party.path("partyOrPartyRole").path("id").asString()));
		};
	}

	private static final String SATISFACTION = "/interaction/v1/partyInteraction/*/satisfaction";

	private static final String AUTHENTICATION = "/interaction/v1/partyInteraction/*/authentication";

	private static final String AUTHENTICATION_CODE = "/interaction/v1/partyInteraction/*/authenticationCode";

	@Bean
	EndpointPermissions interactionEndpointPermissions() {
		String interactions = "/tmf-api/partyInteraction/v5/partyInteraction";
		String v4 = "/tmf-api/partyInteraction/v4/partyInteraction";
		return EndpointPermissions.builder()
			// The landing page, the dashboard, inbox and partner pages, their scripts and
			// chart library hold no data; the pages call the API with a token.
			.on(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/inbox/**", "/interaction/partner",
					"/interaction/partner/**", "/dashboard-support/**", "/webjars/chart.js/**")
			.open()
			// The schema of this service's TMF683 extension, named in every interaction's
			// @schemaLocation.
			.on(HttpMethod.GET, "/interaction/v1/schema/**")
			.open()
			.on(HttpMethod.GET, "/interaction/v1/channel", "/interaction/v1/channel/*")
			.anyOf(INTERACTION_READ, INTERACTION_READ_OWN, INTERACTION_CREATE, INTERACTION_CREATE_OWN)
			.on(HttpMethod.GET, interactions + "/*/history")
			.anyOf(INTERACTION_READ, INTERACTION_READ_OWN, AUDIT_READ)
			.on(HttpMethod.GET, interactions, interactions + "/*", v4, v4 + "/*")
			.anyOf(INTERACTION_READ, INTERACTION_READ_OWN)
			.on(HttpMethod.POST, interactions, v4)
			.anyOf(INTERACTION_CREATE, INTERACTION_CREATE_OWN)
			.on(HttpMethod.PATCH, interactions + "/*", v4 + "/*")
			.anyOf(INTERACTION_UPDATE)
			.on(HttpMethod.POST, interactions + "/*/note")
			.anyOf(INTERACTION_UPDATE)
			.on(HttpMethod.DELETE, interactions + "/*", v4 + "/*")
			.anyOf(INTERACTION_DELETE)
			.on(HttpMethod.GET, SATISFACTION)
			.anyOf(INTERACTION_READ, INTERACTION_READ_OWN)
			.on(HttpMethod.POST, SATISFACTION)
			.anyOf(SATISFACTION_RECORD)
			.on(HttpMethod.POST, AUTHENTICATION)
			.anyOf(AUTHENTICATION_RECORD, AUTHENTICATION_PROVE_OWN)
			.on(HttpMethod.POST, AUTHENTICATION_CODE)
			.anyOf(AUTHENTICATION_RECORD)
			.on(HttpMethod.GET, LIVE_EVENTS)
			.anyOf(INTERACTION_READ, INTERACTION_READ_OWN)
			.on(HttpMethod.GET, "/interaction/v1/analytics/**")
			.anyOf(REPORT_READ)
			.on(HttpMethod.GET, "/interaction/v1/export/**")
			.anyOf(INTERACTION_EXPORT)
			.on(HttpMethod.POST, PartyErasureApi.PATH)
			.anyOf(INTERACTION_ERASE)
			.onAnyMethod("/tmf-api/partyInteraction/v5/hub", "/tmf-api/partyInteraction/v5/hub/**",
					"/tmf-api/partyInteraction/v4/hub", "/tmf-api/partyInteraction/v4/hub/**",
					"/interaction/v1/delivery", "/interaction/v1/delivery/**")
			.anyOf(HUB_MANAGE)
			.build();
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> all = new HashSet<>(first);
		all.addAll(second);
		return Set.copyOf(all);
	}

}
