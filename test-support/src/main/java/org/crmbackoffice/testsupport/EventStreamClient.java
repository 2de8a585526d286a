package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as a front end holds one: it opens a stream with a bearer
 * token (and {@code Last-Event-ID} when it resumes), reads it line by line in the
 * background, and keeps every event it received, in order.
 */
public final class EventStreamClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Received> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private final HttpResponse<Stream<String>> response;

	private final CompletableFuture<Void> reading;

	private volatile String lastId;

	private EventStreamClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		// A thread of its own: reading blocks, and a shared pool would let one stream
		// starve the others.
		this.reading = CompletableFuture.runAsync(this::read, (task) -> {
			Thread reader = new Thread(task, "event-stream-client");
			reader.setDaemon(true);
			reader.start();
		});
	}

	/**
	 * Opens a stream and waits for its answer's head.
	 * @param token the bearer token, or {@code null} to call without one
	 * @param lastEventId the id to resume after, or {@code null}
	 */
	public static EventStreamClient open(URI uri, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The stream could not be opened", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return this.response.statusCode();
	}

	/** The answer's body, for a stream that was refused; only once it ended. */
	public String refusal() {
		this.reading.join();
		return String.join("\n", this.comments);
	}

	public List<Received> events() {
		return List.copyOf(this.events);
	}

	/** Comments the server sent, such as heartbeats. */
	public List<String> comments() {
		return List.copyOf(this.comments);
	}

	/** Waits until at least this many events arrived. */
	public List<Received> await(int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (this.events.size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Expected %d events within 15 s, received %d: %s".formatted(count,
						this.events.size(), this.events));
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		return events();
	}

	/**
	 * The id the stream last sent, on an event or a heartbeat: where a client resumes.
	 */
	public String lastEventId() {
		return this.lastId;
	}

	private void read() {
		String id = null;
		String name = null;
		List<String> data = new ArrayList<>();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (this.response.statusCode() != 200) {
					this.comments.add(line);
				}
				else if (line.isEmpty()) {
					if (id != null) {
						this.lastId = id;
					}
					if (!data.isEmpty()) {
						this.events.add(new Received(id, (name != null) ? name : "message", String.join("\n", data),
								Instant.now()));
					}
					id = null;
					name = null;
					data.clear();
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1).strip());
				}
				else {
					int colon = line.indexOf(':');
					String field = (colon < 0) ? line : line.substring(0, colon);
					String value = (colon < 0) ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
					switch (field) {
						case "id" -> id = value;
						case "event" -> name = value;
						case "data" -> data.add(value);
						default -> {
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// The stream was closed, by this client or the server.
		}
	}

	@Override
	public void close() {
		this.reading.cancel(true);
		this.response.body().close();
	}

	/**
	 * @param id the event's id, to resume after it
	 * @param name {@code message} for the events themselves, {@code reload} for the
	 * signal to read the current state again
	 * @param data the event's data, a TMF event envelope for a message
	 * @param receivedAt when its last line arrived
	 */
	public record Received(String id, String name, String data, Instant receivedAt) {
	}

}
