package org.crmbackoffice.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmbackoffice.support.security.EndpointPermissions;
import org.crmbackoffice.support.security.EndpointPermissions.Rule;
import org.crmbackoffice.support.security.RolePermissions;
import org.crmbackoffice.support.security.Roles;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole access matrix of one running service: every endpoint it maps, called by every
 * caller there is (no token, a token without a role, each role of {@link Roles}, and a
 * partner on another partner's records), each answer checked against what the service's
 * role table and endpoint permissions say. The expectation is computed from the very
 * tables the security chain is built from, so that the test is about whether the service
 * keeps them, and a row per endpoint is needed only to make a valid request of it.
 */
public final class AccessMatrix {

	private static final AntPathMatcher paths = new AntPathMatcher();

	private final RestTestClient client;

	private final RolePermissions roles;

	private final EndpointPermissions endpoints;

	private final String otherPartner;

	private final Map<String, Row> rows = new LinkedHashMap<>();

	/**
	 * @param otherPartner the party id of a partner with records of its own, who must not
	 * reach the records the rows call for
	 */
	public AccessMatrix(RestTestClient client, RolePermissions roles, EndpointPermissions endpoints,
			String otherPartner) {
		this.client = client;
		this.roles = roles;
		this.endpoints = endpoints;
		this.otherPartner = otherPartner;
	}

	/**
	 * Adds the row of one endpoint.
	 * @param granted the status of a call the role table grants
	 * @param call makes one valid request of the endpoint, with fresh fixtures where the
	 * call uses them up
	 */
	public Row row(HttpMethod method, String pattern, int granted, Call call) {
		Row row = new Row(method, pattern, granted, call);
		if (this.rows.put(row.endpoint(), row) != null) {
			throw new IllegalArgumentException("Two rows for " + row.endpoint());
		}
		return row;
	}

	/**
	 * Everyone who may call: without a token, with one that names no role, with each
	 * role, as another partner.
	 */
	public static List<Caller> callers() {
		List<Caller> callers = new ArrayList<>();
		callers.add(new Caller("no token", null, false, false));
		callers.add(new Caller("no role", null, true, false));
		for (Field field : Roles.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				String role = valueOf(field);
				callers.add(new Caller(role, role, true, false));
			}
		}
		callers.add(new Caller("partner on another partner's records", Roles.PARTNER, true, true));
		return callers;
	}

	/**
	 * Calls every endpoint as every caller and fails, naming each, on an endpoint without
	 * a row or a rule, a row without an endpoint, an answer other than the expected one,
	 * and another partner's record in a partner's answer.
	 * @param openPaths patterns every caller may use, which the matrix leaves out
	 * @return how many calls answered each status
	 */
	public Map<Integer, Integer> verify(RequestMappingHandlerMapping mappings, String... openPaths) {
		Set<String> mapped = endpointsOf(mappings, openPaths);
		List<String> problems = new ArrayList<>();
		mapped.stream()
			.filter((endpoint) -> !this.rows.containsKey(endpoint))
			.forEach((endpoint) -> problems.add(endpoint + " has no row in the access matrix"));
		this.rows.keySet()
			.stream()
			.filter((endpoint) -> !mapped.contains(endpoint))
			.forEach((endpoint) -> problems.add(endpoint + " has a row but is not mapped"));
		Map<Integer, Integer> answers = new TreeMap<>();
		for (Row row : this.rows.values()) {
			if (!mapped.contains(row.endpoint())) {
				continue;
			}
			Optional<Rule> rule = this.endpoints
				.ruleFor(new MockHttpServletRequest(row.method.name(), row.pattern.replaceAll("\\{[^}]+}", "x")));
			if (rule.isEmpty()) {
				problems.add(row.endpoint() + " has no rule in the service's endpoint permissions");
				continue;
			}
			for (Caller caller : callers()) {
				int expected = expected(row, rule.get(), caller);
				Answer answer = row.call.perform(new As(caller));
				answers.merge(answer.status(), 1, Integer::sum);
				if (answer.status() != expected) {
					problems.add(row.endpoint() + " as " + caller.name() + ": expected " + expected + ", got "
							+ answer.status() + " " + abbreviated(answer.body()));
				}
				else if (caller.foreign() && answer.status() < 300 && answer.recordId() != null
						&& answer.body().contains(answer.recordId())) {
					problems.add(row.endpoint() + " as " + caller.name() + ": answered the other partner's record "
							+ answer.recordId());
				}
			}
		}
		assertThat(problems).as("calls that did not answer as the role table says").isEmpty();
		return answers;
	}

	private int expected(Row row, Rule rule, Caller caller) {
		if (rule.isOpen()) {
			return row.granted;
		}
		if (!caller.hasToken()) {
			return 401;
		}
		Set<String> held = this.roles.permissionsOf((caller.role() != null) ? Set.of(caller.role()) : Set.of());
		if (!rule.grants(held)) {
			return 403;
		}
		return caller.foreign() ? row.foreign : row.granted;
	}

	private static Set<String> endpointsOf(RequestMappingHandlerMapping mappings, String... openPaths) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (isOpen(pattern, openPaths)) {
					continue;
				}
				// A mapping without a method answers them all; the matrix asks that it be
				// given one.
				if (methods.isEmpty()) {
					endpoints.add("ANY " + pattern);
				}
				methods.forEach((method) -> endpoints.add(method.name() + " " + pattern));
			}
		}
		return endpoints;
	}

	private static boolean isOpen(String pattern, String... openPaths) {
		for (String open : openPaths) {
			if (paths.match(open, pattern) || pattern.equals(open)) {
				return true;
			}
		}
		return false;
	}

	private static String valueOf(Field constant) {
		try {
			return (String) constant.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviated(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

	/**
	 * @param role {@code null} for none
	 * @param foreign a partner calling for records that are another partner's
	 */
	public record Caller(String name, String role, boolean hasToken, boolean foreign) {
	}

	/**
	 * @param recordId the id of the record the call is about, which another partner's
	 * answer must not hold; {@code null} when it is about none
	 */
	public record Answer(int status, String body, String recordId) {
	}

	@FunctionalInterface
	public interface Call {

		Answer perform(As as);

	}

	/** One endpoint as the matrix calls it. */
	public static final class Row {

		private final HttpMethod method;

		private final String pattern;

		private final int granted;

		private final Call call;

		private int foreign;

		private Row(HttpMethod method, String pattern, int granted, Call call) {
			this.method = method;
			this.pattern = pattern;
			this.granted = granted;
			this.call = call;
			this.foreign = granted;
		}

		/**
		 * What a partner granted the endpoint gets for another partner's record: 404
		 * where the record is hidden from it, 403 where it asks to act for the other; by
		 * default what the grant gives, e.g. a list of its own.
		 */
		public Row foreign(int status) {
			this.foreign = status;
			return this;
		}

		String endpoint() {
			return this.method.name() + " " + this.pattern;
		}

	}

	/** A call being made as one caller. */
	public final class As {

		private final Caller caller;

		private As(Caller caller) {
			this.caller = caller;
		}

		public Caller caller() {
			return this.caller;
		}

		/**
		 * A request authorized as the caller. A partner's token names the owner of the
		 * record, or the other partner when the matrix tries another partner's records.
		 * @param owner the party whose record the call is about
		 */
		public RestTestClient.RequestBodySpec request(HttpMethod method, String uri, String owner) {
			RestTestClient.RequestBodySpec request = AccessMatrix.this.client.method(method).uri(uri);
			String bearer = bearer(owner);
			if (bearer != null) {
				request.headers((headers) -> headers.setBearerAuth(bearer));
			}
			return request;
		}

		/**
		 * The caller's token, for a call made with another client than the matrix's, such
		 * as a stream; {@code null} for a caller without one.
		 * @param owner the party whose record the call is about
		 */
		public String bearer(String owner) {
			if (!this.caller.hasToken()) {
				return null;
			}
			TestIssuer.TokenBuilder token = TestIssuer.shared()
				.token()
				.roles((this.caller.role() != null) ? new String[] { this.caller.role() } : new String[0]);
			if (Roles.PARTNER.equals(this.caller.role())) {
				token.partyId(this.caller.foreign() ? AccessMatrix.this.otherPartner : owner);
			}
			return token.build();
		}

		/**
		 * @param recordId the record the call is about, {@code null} for none
		 */
		public Answer answer(RestTestClient.RequestHeadersSpec<?> request, String recordId) {
			EntityExchangeResult<String> result = request.exchange().returnResult(String.class);
			String body = result.getResponseBody();
			return new Answer(result.getStatus().value(), (body != null) ? body : "", recordId);
		}

	}

}
