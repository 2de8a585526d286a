package org.crmbackoffice.interactions.interaction;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.TestIssuer;

/**
 * Stands in for the customer inventory where a test must see what the interaction service sends it, or make it
 * misbehave: it records each request's path and Authorization header, knows the customers a test adds, keeps the
 * caller waiting for ever when asked about a customer a test made silent, and fails on every request while a test
 * says so.
 */
final class RecordingInventory implements AutoCloseable {

	private static final String CUSTOMERS = "/tmf-api/customerManagement/v5/customer/";

	private final HttpServer server;

	final List<String> paths = new CopyOnWriteArrayList<>();

	final List<String> authorizations = new CopyOnWriteArrayList<>();

	final Set<String> known = ConcurrentHashMap.newKeySet();

	final Set<String> silent = ConcurrentHashMap.newKeySet();

	/** Customers it knows with their full JSON, e.g. to give them contact media. */
	final Map<String, String> customers = new ConcurrentHashMap<>();

	/** Answers 503 for every customer while set. */
	volatile boolean failing;

	private RecordingInventory() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "recording-inventory");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.paths.add(path);
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String customerId = path.startsWith(CUSTOMERS) ? path.substring(CUSTOMERS.length()) : "";
		if (this.silent.contains(customerId)) {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.failing) {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (this.known.contains(customerId) || this.customers.containsKey(customerId)) {
			byte[] body = this.customers
				.getOrDefault(customerId, "{\"id\":\"" + customerId + "\",\"@type\":\"Customer\",\"name\":\"Known\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			return;
		}
		exchange.sendResponseHeaders(404, -1);
		exchange.close();
	}

	/** Starts one and lets the interaction service obtain its tokens for it from the test issuer. */
	static RecordingInventory start() throws IOException {
		TestIssuer.shared().registerClient("interaction-service", "interaction-service-secret",
				List.of(Roles.INTERACTION_SERVICE));
		return new RecordingInventory();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
