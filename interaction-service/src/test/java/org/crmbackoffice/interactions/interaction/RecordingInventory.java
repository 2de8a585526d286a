package org.crmbackoffice.interactions.interaction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the customer inventory where a test must see what the interaction service sends it: it records
 * each request's path and Authorization header and knows no customer, except that it keeps the caller waiting
 * for ever for customer {@value #SILENT_CUSTOMER}.
 */
final class RecordingInventory implements AutoCloseable {

	static final String SILENT_CUSTOMER = "never-answered";

	private final HttpServer server;

	final List<String> paths = new CopyOnWriteArrayList<>();

	final List<String> authorizations = new CopyOnWriteArrayList<>();

	RecordingInventory() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "recording-inventory");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", (exchange) -> {
			this.paths.add(exchange.getRequestURI().getPath());
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			if (exchange.getRequestURI().getPath().endsWith("/" + SILENT_CUSTOMER)) {
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
