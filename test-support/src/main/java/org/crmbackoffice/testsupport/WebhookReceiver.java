package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmbackoffice.testsupport.StandInService.Answer;

/**
 * A real HTTP endpoint for event listeners under test: records every request it gets and
 * answers with the status a test sets (200 by default).
 */
public final class WebhookReceiver implements AutoCloseable {

	private final StandInService server;

	/** Every request, in arrival order, whatever it was answered. */
	public final List<Received> requests = new CopyOnWriteArrayList<>();

	/** What the next requests are answered with. */
	public volatile int status = 200;

	public WebhookReceiver() throws IOException {
		this.server = StandInService.start((request) -> {
			int answer = this.status;
			this.requests.add(new Received(request.header("webhook-id"), request.header("webhook-timestamp"),
					request.header("webhook-signature"), request.header("traceparent"), request.body(), answer));
			return Answer.status(answer);
		});
	}

	public String url() {
		return this.server.baseUrl() + "/crm-events";
	}

	/** The requests it answered with success: what the listener actually took in. */
	public List<Received> accepted() {
		return this.requests.stream().filter((request) -> request.answeredWith() / 100 == 2).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * @param traceParent the W3C trace context the delivery carried, or {@code null}
	 */
	public record Received(String id, String timestamp, String signature, String traceParent, String body,
			int answeredWith) {
	}

}
