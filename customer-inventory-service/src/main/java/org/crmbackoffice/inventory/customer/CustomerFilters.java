package org.crmbackoffice.inventory.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * The filters, search and sort {@link CustomerQuery} understands, documented as query
 * parameters of the v5 and v4 lists so that Swagger UI offers a field for each and a
 * client generator a method argument. All filters given must hold.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "q", in = ParameterIn.QUERY, description = "Free-text search, with the filters, at least 3 "
		+ "characters, found anywhere in a name or email address (case and accents ignored) or, as digits, in a phone "
		+ "number; best matches first")
@Parameter(name = "sort", in = ParameterIn.QUERY,
		description = "name, creationDate, lastUpdate or status, comma-separated; a leading - sorts descending")
@Parameter(name = "id", in = ParameterIn.QUERY, description = "Customers by id, one or several comma-separated")
@Parameter(name = "href", in = ParameterIn.QUERY, description = "Customers by address, one or several comma-separated")
@Parameter(name = "engagedParty.id", in = ParameterIn.QUERY,
		description = "Customers the party with this id is, one or several comma-separated")
@Parameter(name = "status", in = ParameterIn.QUERY,
		description = "One or several statuses, comma-separated: initialized, approved, suspended, closed")
@Parameter(name = "name", in = ParameterIn.QUERY, description = "The whole name, case and accents ignored")
@Parameter(name = "contactMedium.emailAddress", in = ParameterIn.QUERY,
		description = "An email address of the customer, case ignored")
@Parameter(name = "contactMedium.phoneNumber", in = ParameterIn.QUERY,
		description = "A phone number of the "
				+ "customer, written any way; without a + country code it is a number of the default region")
@Parameter(name = "creationDate.gt", in = ParameterIn.QUERY,
		description = "Customers created after this ISO 8601 date-time")
@Parameter(name = "creationDate.gte", in = ParameterIn.QUERY,
		description = "Customers created at or after this ISO 8601 date-time")
@Parameter(name = "creationDate.lt", in = ParameterIn.QUERY,
		description = "Customers created before this ISO 8601 date-time")
@Parameter(name = "creationDate.lte", in = ParameterIn.QUERY,
		description = "Customers created at or before this ISO 8601 date-time")
@Parameter(name = "lastUpdate.gt", in = ParameterIn.QUERY,
		description = "Customers last changed after this ISO 8601 date-time")
@Parameter(name = "lastUpdate.gte", in = ParameterIn.QUERY,
		description = "Customers last changed at or after this ISO 8601 date-time")
@Parameter(name = "lastUpdate.lt", in = ParameterIn.QUERY,
		description = "Customers last changed before this ISO 8601 date-time")
@Parameter(name = "lastUpdate.lte", in = ParameterIn.QUERY,
		description = "Customers last changed at or before this ISO 8601 date-time")
@Parameter(name = "validFor.startDateTime.gt", in = ParameterIn.QUERY,
		description = "Customers whose validity starts after this ISO 8601 date-time")
@Parameter(name = "validFor.startDateTime.gte", in = ParameterIn.QUERY,
		description = "Customers whose validity starts at or after this ISO 8601 date-time")
@Parameter(name = "validFor.startDateTime.lt", in = ParameterIn.QUERY,
		description = "Customers whose validity starts before this ISO 8601 date-time")
@Parameter(name = "validFor.startDateTime.lte", in = ParameterIn.QUERY,
		description = "Customers whose validity starts at or before this ISO 8601 date-time")
@Parameter(name = "validFor.endDateTime.gt", in = ParameterIn.QUERY,
		description = "Customers whose validity ends after this ISO 8601 date-time")
@Parameter(name = "validFor.endDateTime.gte", in = ParameterIn.QUERY,
		description = "Customers whose validity ends at or after this ISO 8601 date-time")
@Parameter(name = "validFor.endDateTime.lt", in = ParameterIn.QUERY,
		description = "Customers whose validity ends before this ISO 8601 date-time")
@Parameter(name = "validFor.endDateTime.lte", in = ParameterIn.QUERY,
		description = "Customers whose validity ends at or before this ISO 8601 date-time")
@interface CustomerFilters {

}
