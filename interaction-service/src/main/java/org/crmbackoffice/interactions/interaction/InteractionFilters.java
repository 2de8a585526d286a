package org.crmbackoffice.interactions.interaction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * The filters {@link InteractionQuery} understands, documented as query parameters of the
 * v5 list so that Swagger UI offers a field for each and a client generator a method
 * argument. A value may list several, comma-separated, where it says so; all given
 * filters must hold.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "id", in = ParameterIn.QUERY, description = "Interactions by id, one or several comma-separated")
@Parameter(name = "href", in = ParameterIn.QUERY,
		description = "Interactions by address, one or several comma-separated")
@Parameter(name = InteractionQuery.PARTY, in = ParameterIn.QUERY,
		description = "Interactions involving this party or party role (a customer's party id, for instance)")
@Parameter(name = "relatedParty.partyOrPartyRole.@referredType", in = ParameterIn.QUERY,
		description = "Interactions involving a party of this type, e.g. Individual or Customer")
@Parameter(name = "relatedParty.role", in = ParameterIn.QUERY,
		description = "Interactions with a party in this role, e.g. customer or agent")
@Parameter(name = "relatedChannel.channel.id", in = ParameterIn.QUERY,
		description = "Interactions through the channel with this id (see /interaction/v1/channel)")
@Parameter(name = "relatedChannel.channel.name", in = ParameterIn.QUERY,
		description = "Interactions through the channel with this name, e.g. phone or email")
@Parameter(name = "relatedChannel.role", in = ParameterIn.QUERY,
		description = "Interactions with a channel in this role, e.g. origin")
@Parameter(name = "interactionItem.item.entity.id", in = ParameterIn.QUERY,
		description = "Interactions about this entity, e.g. a trouble ticket's id")
@Parameter(name = "status", in = ParameterIn.QUERY,
		description = "One or several statuses, comma-separated: opened, inProgress, waitingForPartner, "
				+ "waitingForBackOffice, completed, cancelled")
@Parameter(name = "direction", in = ParameterIn.QUERY, description = "inbound or outbound")
@Parameter(name = "reason", in = ParameterIn.QUERY, description = "The reason, case ignored")
@Parameter(name = "customerCheck", in = ParameterIn.QUERY,
		description = "How the check of the customers referred to ended, one or several comma-separated: "
				+ "verified, pending (the inventory was not reachable yet) or rejected")
@Parameter(name = "interactionDate.startDateTime.gt", in = ParameterIn.QUERY,
		description = "Interactions that started after this ISO 8601 date-time")
@Parameter(name = "interactionDate.startDateTime.gte", in = ParameterIn.QUERY,
		description = "Interactions that started at or after this ISO 8601 date-time")
@Parameter(name = "interactionDate.startDateTime.lt", in = ParameterIn.QUERY,
		description = "Interactions that started before this ISO 8601 date-time")
@Parameter(name = "interactionDate.startDateTime.lte", in = ParameterIn.QUERY,
		description = "Interactions that started at or before this ISO 8601 date-time")
@interface InteractionFilters {

}
