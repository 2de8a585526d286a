package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint for event listeners under test: records every request it gets and answers with the status
 * a test sets (200 by default).
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	/** Every request, in arrival order, whatever it was answered. */
	public final List<Received> requests = new CopyOnWriteArrayList<>();

	/** What the next requests are answered with. */
	public volatile int status = 200;

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "webhook-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int answer = this.status;
			this.requests.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body, answer));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/crm-events";
	}

	/** The requests it answered with success: what the listener actually took in. */
	public List<Received> accepted() {
		return this.requests.stream().filter((request) -> request.answeredWith() / 100 == 2).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Received(String id, String timestamp, String signature, String body, int answeredWith) {
	}

}
