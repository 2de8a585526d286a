package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.inventory.contact.SearchText;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.support.web.ListParameters;
import org.crmbackoffice.support.web.ListParameters.InvalidFilterValueException;

import org.springframework.data.domain.Sort;

/**
 * The filters, free-text search and order of the customer list (TMF630), as the SQL that
 * answers them on the indexes of {@code V4__customer_search.sql}. Every value is a bind
 * parameter; the SQL text is assembled only from the fragments written here.
 * {@code bench/customer-search} times these statements.
 * <ul>
 * <li>{@code status=approved} (or {@code approved,suspended}), {@code name=} (whole name,
 * case and accents ignored), {@code contactMedium.emailAddress=},
 * {@code contactMedium.phoneNumber=} (any way of writing the number);</li>
 * <li>{@code creationDate}, {@code lastUpdate}, {@code validFor.startDateTime} and
 * {@code validFor.endDateTime}, each with {@code .gt}, {@code .gte}, {@code .lt} or
 * {@code .lte} and an ISO 8601 date-time with offset;</li>
 * <li>{@code q=}: at least {@value #MIN_SEARCH_LENGTH} characters found anywhere in a
 * name or email address (case and accents ignored), or digits found in a phone number;
 * the best matches first, then the newest.</li>
 * </ul>
 */
final class CustomerQuery {

	static final int MIN_SEARCH_LENGTH = 3;

	/**
	 * The sort keys clients may use, with the column each sorts; names sort as search
	 * compares them.
	 */
	private static final Map<String, String> SORTABLE = sortable();

	private static final Sort.Order TIE_BREAKER = Sort.Order.asc("c.id");

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("c.created_at"), TIE_BREAKER);

	private static final Sort BEST_MATCH_FIRST = Sort.by(Sort.Order.desc("match.relevance"),
			Sort.Order.desc("c.created_at"), TIE_BREAKER);

	private static final Map<String, String> DATE_TIME_ATTRIBUTES = Map.of("creationDate", "c.created_at", "lastUpdate",
			"c.updated_at", "validFor.startDateTime", "c.valid_from", "validFor.endDateTime", "c.valid_to");

	private static final Map<String, String> COMPARISONS = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

	private final List<String> conditions;

	private final Map<String, Object> parameters;

	private final Search search;

	private final Sort sort;

	private CustomerQuery(List<String> conditions, Map<String, Object> parameters, Search search, Sort sort) {
		this.conditions = List.copyOf(conditions);
		this.parameters = Map.copyOf(parameters);
		this.search = search;
		this.sort = sort;
	}

	/**
	 * @param parameters all query parameters of the list request
	 * @throws org.crmbackoffice.support.problem.ApiProblemException 400 naming each
	 * unknown or unreadable filter, or the sort key that is not sortable
	 */
	static CustomerQuery of(Map<String, String> parameters, PhoneNumbers phoneNumbers) {
		Filters filters = new Filters(phoneNumbers);
		ListParameters.readFilters(parameters, filters::read);
		Sort unsorted = (filters.search != null) ? BEST_MATCH_FIRST : NEWEST_FIRST;
		Sort sort = ListParameters.sort(parameters.get("sort"), SORTABLE, unsorted, TIE_BREAKER);
		return new CustomerQuery(filters.conditions, filters.values, filters.search, sort);
	}

	/** The same query limited to one customer: all a business partner may see. */
	CustomerQuery onlyCustomer(UUID id) {
		List<String> conditions = new ArrayList<>(this.conditions);
		conditions.add("c.id = :customer");
		Map<String, Object> values = new HashMap<>(this.parameters);
		values.put("customer", id);
		return new CustomerQuery(conditions, values, this.search, this.sort);
	}

	/**
	 * The ids of one page of customers, in list order; parameters {@code limit} and
	 * {@code offset} added.
	 */
	String pageSql() {
		String order = this.sort.stream()
			.map((by) -> by.getProperty() + (by.isAscending() ? "" : " desc"))
			.collect(Collectors.joining(", "));
		return matches() + "select c.id from " + from() + where() + "\norder by " + order
				+ "\nlimit :limit offset :offset";
	}

	String countSql() {
		if (this.search != null && this.conditions.isEmpty()) {
			// Matches are distinct customers already: counting them needs no customer
			// row.
			return matches() + "select count(*) from match";
		}
		return matches() + "select count(*) from " + from() + where();
	}

	Map<String, Object> parameters() {
		if (this.search == null) {
			return this.parameters;
		}
		Map<String, Object> all = new HashMap<>(this.parameters);
		all.putAll(this.search.parameters());
		return all;
	}

	Sort sort() {
		return this.sort;
	}

	/**
	 * Each kind of match reads its own index and the matches meet by customer id: one
	 * condition with OR across the two tables could use neither index.
	 */
	private String matches() {
		if (this.search == null) {
			return "";
		}
		String phone = "";
		if (this.search.phoneDigits() != null) {
			// The whole number is an exact match on the btree index, which costs far less
			// than its trigrams would.
			phone = """
					    union all
					    select m.customer_id, similarity(m.phone_normalized, :phoneTerm) from customer_contact_medium m
					    where m.phone_normalized like :phoneDigits\
					""" + ((this.search.phoneNumber() != null) ? " or m.phone_normalized = :phoneNumber\n" : "\n");
		}
		return """
				with hit (id, score) as (
				    select n.id, similarity(n.name_normalized, :term) from customer n where n.name_normalized like :pattern
				    union all
				    select m.customer_id, similarity(m.email_normalized, :term) from customer_contact_medium m
				    where m.email_normalized like :pattern
				"""
				+ phone + """
						), match as (select id, max(score) as relevance from hit group by id)
						""";
	}

	private String from() {
		return (this.search != null) ? "customer c join match on match.id = c.id" : "customer c";
	}

	/** Deleted customers stay in the inventory but not on its API. */
	private String where() {
		List<String> all = new ArrayList<>(this.conditions);
		all.add("c.deleted_at is null");
		return "\nwhere " + String.join(" and ", all);
	}

	private static Optional<String> rangeCondition(String name, String parameter) {
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String column = DATE_TIME_ATTRIBUTES.get(name.substring(0, dot));
		String comparison = COMPARISONS.get(name.substring(dot + 1));
		if (column == null || comparison == null) {
			return Optional.empty();
		}
		return Optional.of(column + " " + comparison + " :" + parameter);
	}

	private static List<String> statusesOf(String value) {
		return Arrays.stream(value.split(",")).map((status) -> CustomerStatus.of(status.trim()).value()).toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Map<String, String> sortable() {
		Map<String, String> sortable = new LinkedHashMap<>();
		sortable.put("name", "c.name_normalized");
		sortable.put("creationDate", "c.created_at");
		sortable.put("lastUpdate", "c.updated_at");
		sortable.put("status", "c.status");
		return sortable;
	}

	/** The conditions and values of the filters read so far. */
	private static final class Filters {

		private final PhoneNumbers phoneNumbers;

		private final List<String> conditions = new ArrayList<>();

		private final Map<String, Object> values = new HashMap<>();

		private Search search;

		Filters(PhoneNumbers phoneNumbers) {
			this.phoneNumbers = phoneNumbers;
		}

		boolean read(String name, String value) {
			String parameter = "p" + this.values.size();
			switch (name) {
				case "q" -> {
					this.search = Search.of(value, this.phoneNumbers);
					return true;
				}
				case "status" -> add("c.status in (:" + parameter + ")", parameter, statusesOf(value));
				case "name" -> add("c.name_normalized = :" + parameter, parameter, SearchText.fold(value));
				case "id", "href" -> add("c.id in (:" + parameter + ")", parameter,
						noneIfEmpty(ListParameters.resourceIds(name, value)));
				case "engagedParty.id" ->
					add("c.engaged_party_id in (:" + parameter + ")", parameter, List.of(value.split(",")));
				case "contactMedium.emailAddress" -> add("c.id in (select m.customer_id from customer_contact_medium m "
						+ "where m.email_normalized = :" + parameter + ")", parameter, SearchText.fold(value));
				case "contactMedium.phoneNumber" -> add("c.id in (select m.customer_id from customer_contact_medium m "
						+ "where m.phone_normalized = :" + parameter + ")", parameter, storedFormOf(value));
				default -> {
					Optional<String> range = rangeCondition(name, parameter);
					if (range.isEmpty()) {
						return false;
					}
					add(range.get(), parameter, utc(ListParameters.instant(value)));
				}
			}
			return true;
		}

		/** SQL's {@code in ()} needs a value: one that is no customer's id finds none. */
		private static List<UUID> noneIfEmpty(List<UUID> ids) {
			return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
		}

		/**
		 * A number kept as given, because it could not be read confidently, is found by
		 * its digits.
		 */
		private String storedFormOf(String number) {
			return this.phoneNumbers.toE164(number)
				.or(() -> Optional.of(PhoneNumbers.searchForm(number))
					.filter((digits) -> digits.matches("\\+?\\d{3,}")))
				.orElseThrow(() -> new InvalidFilterValueException("it is not a phone number"));
		}

		private void add(String condition, String parameter, Object value) {
			this.conditions.add(condition);
			this.values.put(parameter, value);
		}

	}

	/**
	 * A free-text search: the folded text as a substring pattern, and when it holds
	 * enough digits, those digits found anywhere in a stored number, and the number it is
	 * (in E.164 form) if it reads as a whole one.
	 */
	record Search(String term, String pattern, String phoneTerm, String phoneNumber, String phoneDigits) {

		private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s().\\-/]+");

		static Search of(String text, PhoneNumbers phoneNumbers) {
			String term = SearchText.fold(text);
			if (term.length() < MIN_SEARCH_LENGTH) {
				throw new InvalidFilterValueException(
						"search needs at least " + MIN_SEARCH_LENGTH + " characters besides spaces");
			}
			// People type the trunk prefix (07700 ...), which E.164 drops.
			String digits = text.replaceAll("\\D", "").replaceFirst("^0+", "");
			if (!PHONE_LIKE.matcher(text).matches() || digits.length() < MIN_SEARCH_LENGTH) {
				return new Search(term, contains(term), null, null, null);
			}
			String number = phoneNumbers.toE164(text).orElse(null);
			return new Search(term, contains(term), (number != null) ? number : digits, number, contains(digits));
		}

		Map<String, Object> parameters() {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("term", this.term);
			parameters.put("pattern", this.pattern);
			if (this.phoneDigits != null) {
				parameters.put("phoneTerm", this.phoneTerm);
				parameters.put("phoneDigits", this.phoneDigits);
			}
			if (this.phoneNumber != null) {
				parameters.put("phoneNumber", this.phoneNumber);
			}
			return parameters;
		}

		/**
		 * A LIKE pattern matching the text anywhere, its own wildcards taken literally.
		 */
		private static String contains(String text) {
			return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		}

	}

}
