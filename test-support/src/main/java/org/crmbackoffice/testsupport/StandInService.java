package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for another service: it answers each request as the test
 * says and keeps every request it got, so that a test sees what the service under test
 * asked and how it copes with the answers, down to the wire, without starting the other
 * service.
 */
public final class StandInService implements AutoCloseable {

	private final HttpServer server;

	private final Function<Request, Answer> answers;

	/** Every request, in arrival order. */
	public final List<Request> requests = new CopyOnWriteArrayList<>();

	private StandInService(Function<Request, Answer> answers) throws IOException {
		this.answers = answers;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// A thread per request in flight: a test may keep one caller waiting while others
		// are answered.
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "stand-in-service");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	/**
	 * @param answers what to answer each request with
	 */
	public static StandInService start(Function<Request, Answer> answers) throws IOException {
		return new StandInService(answers);
	}

	/** Where the service under test finds it, e.g. for its client's base URL. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(exchange.getRequestHeaders());
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		this.requests.add(request);
		Answer answer = this.answers.apply(request);
		if (answer.json() == null) {
			exchange.sendResponseHeaders(answer.status(), -1);
			exchange.close();
			return;
		}
		byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param query the raw query string, {@code null} without one
	 * @param headers the request's headers, by name in any case
	 */
	public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

		/**
		 * @return the header's first value, {@code null} without one
		 */
		public String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		/**
		 * @return the {@code Authorization} header, {@code null} without one
		 */
		public String authorization() {
			return header("Authorization");
		}

		/** The path with its query, as it was asked for. */
		public String pathAndQuery() {
			return (this.query != null) ? this.path + "?" + this.query : this.path;
		}

	}

	/**
	 * @param json the body, {@code null} for none
	 */
	public record Answer(int status, String json) {

		public static Answer json(String json) {
			return new Answer(200, json);
		}

		public static Answer status(int status) {
			return new Answer(status, null);
		}

	}

}
