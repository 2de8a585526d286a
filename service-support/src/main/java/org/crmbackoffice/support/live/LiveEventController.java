package org.crmbackoffice.support.live;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.hub.EventFilter;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "events", description = "Live event stream for front ends")
class LiveEventController {

	private static final String LAST_EVENT_ID = "Last-Event-ID";

	private final LiveEventStreams streams;

	private final CurrentCaller caller;

	LiveEventController(LiveEventStreams streams, CurrentCaller caller) {
		this.streams = streams;
		this.caller = caller;
	}

	@GetMapping(path = "${crm.live.path}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(operationId = "streamEvents", summary = "Streams the events the caller may see, as they happen",
			description = """
					Server-Sent Events, each carrying one event in the hub's TMF envelope as its data, with the event's \
					position as its id. The query takes the hub's conditions, e.g. \
					`eventType=PartyInteractionStatusChangeEvent&event.partyInteraction.status=completed`; every condition \
					must hold. A partner's stream carries only what the partner takes part in. A client that reconnects \
					with `Last-Event-ID` receives what it missed; when that is no longer kept, a `reload` event tells it \
					to read the current state again. Comments keep an idle stream open. The stream ends when the token \
					expires; the client reconnects with a fresh token. A client with as many streams open as it may is \
					answered 429; an instance that holds as many streams as it may answers 503 (streams-exhausted), and \
					another instance may take the stream.""")
	@ApiResponse(responseCode = "200", description = "The stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
	SseEmitter stream(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "The id of the last event received, to resume after it") @RequestHeader(
					name = LAST_EVENT_ID, required = false) String lastEventId,
			HttpServletRequest request, HttpServletResponse response) {
		Caller current = this.caller.get();
		EventFilter filter = EventFilter.parse(request.getQueryString());
		StreamPosition resumeFrom = (lastEventId != null && !lastEventId.isBlank()) ? StreamPosition.parse(lastEventId)
			.orElseThrow(() -> new ApiProblemException(ProblemType.INVALID_REQUEST,
					"Last-Event-ID must be the id of an event this stream sent.",
					List.of(new FieldProblem(LAST_EVENT_ID, "'" + lastEventId + "' is not one")), null))
				: null;
		Instant expires = (token.getExpiresAt() != null) ? token.getExpiresAt() : Instant.MAX;
		try {
			return this.streams.open(current, current.limitKey(), filter, resumeFrom, expires);
		}
		catch (StreamRefused ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			throw ex;
		}
	}

}
