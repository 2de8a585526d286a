package org.crmbackoffice.interactions.interaction;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.StandInService.Answer;
import org.crmbackoffice.testsupport.StandInService.Request;
import org.crmbackoffice.testsupport.TestIssuer;

/**
 * Stands in for the customer inventory where a test must see what the interaction service
 * sends it, or make it misbehave: it records each request's path and Authorization
 * header, knows the customers a test adds, keeps the caller waiting for ever when asked
 * about a customer a test made silent, and fails on every request while a test says so.
 */
public final class RecordingInventory implements AutoCloseable {

	private static final String CUSTOMERS = "/tmf-api/customerManagement/v5/customer/";

	private final StandInService server;

	public final Set<String> known = ConcurrentHashMap.newKeySet();

	public final Set<String> silent = ConcurrentHashMap.newKeySet();

	/** Customers it knows with their full JSON, e.g. to give them contact media. */
	public final Map<String, String> customers = new ConcurrentHashMap<>();

	/** Answers 503 for every customer while set. */
	public volatile boolean failing;

	private RecordingInventory() throws IOException {
		this.server = StandInService.start(this::answer);
	}

	private Answer answer(Request request) {
		String customerId = request.path().startsWith(CUSTOMERS) ? request.path().substring(CUSTOMERS.length()) : "";
		if (this.silent.contains(customerId)) {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.failing) {
			return Answer.status(503);
		}
		if (this.known.contains(customerId) || this.customers.containsKey(customerId)) {
			return Answer.json(this.customers.getOrDefault(customerId,
					"{\"id\":\"" + customerId + "\",\"@type\":\"Customer\",\"name\":\"Known\"}"));
		}
		return Answer.status(404);
	}

	/**
	 * Starts one and lets the interaction service obtain its tokens for it from the test
	 * issuer.
	 */
	public static RecordingInventory start() throws IOException {
		TestIssuer.shared()
			.registerClient("interaction-service", "interaction-service-secret", List.of(Roles.INTERACTION_SERVICE));
		return new RecordingInventory();
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	/** The path of every request, in arrival order. */
	public List<String> paths() {
		return this.server.requests.stream().map(Request::path).toList();
	}

	/**
	 * The Authorization header of every request, in arrival order ("null" without one).
	 */
	public List<String> authorizations() {
		return this.server.requests.stream().map((request) -> String.valueOf(request.authorization())).toList();
	}

	/** The given header of every request, in arrival order ("null" without one). */
	public List<String> header(String name) {
		return this.server.requests.stream().map((request) -> String.valueOf(request.header(name))).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
