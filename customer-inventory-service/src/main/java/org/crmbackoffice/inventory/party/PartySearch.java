package org.crmbackoffice.inventory.party;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.support.web.ListParameters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the parties a list asks for, newest first, in SQL; the parties themselves are
 * then loaded through JPA. Filters (TMF630): {@code id}, {@code href}, {@code name},
 * {@code givenName}, {@code familyName} and {@code tradingName} (whole values, case
 * ignored) and {@code status} (one or several, comma-separated). Every value is a bind
 * parameter.
 */
@Repository
class PartySearch {

	private final JdbcClient jdbc;

	PartySearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<UUID> idsOf(Query query, long offset, int limit) {
		return this.jdbc
			.sql("select p.id from party p where " + query.where()
					+ " order by p.created_at desc, p.id limit :limit offset :offset")
			.params(query.parameters())
			.param("limit", limit)
			.param("offset", offset)
			.query(UUID.class)
			.list();
	}

	long count(Query query) {
		return this.jdbc.sql("select count(*) from party p where " + query.where())
			.params(query.parameters())
			.query(Long.class)
			.single();
	}

	/**
	 * The conditions of one list request, from fragments written here and bind
	 * parameters.
	 */
	record Query(List<String> conditions, Map<String, Object> parameters) {

		private static final Map<String, String> NAME_COLUMNS = Map.of("name", "p.name", "givenName", "p.given_name",
				"familyName", "p.family_name", "tradingName", "p.trading_name");

		/**
		 * @throws org.crmbackoffice.support.problem.ApiProblemException 400 naming each
		 * unknown filter
		 */
		static Query of(String partyType, Map<String, String> filters) {
			List<String> conditions = new ArrayList<>(List.of("p.party_type = :partyType", "p.deleted_at is null"));
			Map<String, Object> parameters = new HashMap<>(Map.of("partyType", partyType));
			ListParameters.readFilters(filters, (name, value) -> {
				String parameter = "f" + parameters.size();
				if (name.equals("id") || name.equals("href")) {
					conditions.add("p.id in (:" + parameter + ")");
					List<UUID> ids = ListParameters.resourceIds(name, value);
					parameters.put(parameter, ids.isEmpty() ? List.of(new UUID(0, 0)) : ids);
				}
				else if (NAME_COLUMNS.containsKey(name)) {
					conditions.add("lower(" + NAME_COLUMNS.get(name) + ") = lower(:" + parameter + ")");
					parameters.put(parameter, value.strip());
				}
				else if (name.equals("status")) {
					conditions.add("p.status in (:" + parameter + ")");
					parameters.put(parameter, Arrays.stream(value.split(",")).map(String::strip).toList());
				}
				else {
					return false;
				}
				return true;
			});
			return new Query(conditions, parameters);
		}

		Query only(UUID partyId) {
			List<String> narrowed = new ArrayList<>(this.conditions);
			Map<String, Object> parameters = new HashMap<>(this.parameters);
			narrowed.add("p.id = :only");
			parameters.put("only", partyId);
			return new Query(narrowed, parameters);
		}

		String where() {
			return String.join(" and ", this.conditions);
		}

	}

}
