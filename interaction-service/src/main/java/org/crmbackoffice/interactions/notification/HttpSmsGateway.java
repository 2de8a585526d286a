package org.crmbackoffice.interactions.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Hands text messages to an SMS provider's HTTP API, one POST each. A 2xx answer means
 * the provider took the message; any other 4xx means it never will as sent, except 408
 * and 429, which like 5xx answers, timeouts and unreachable providers mean it may later.
 */
class HttpSmsGateway implements SmsGateway {

	private static final int READ_ANSWER = 64 * 1024;

	private static final int KEPT_ANSWER = 500;

	private static final int KEPT_ID = 200;

	private final RestClient http;

	private final PartnerMessageProperties.Sms provider;

	private final JsonMapper json;

	HttpSmsGateway(RestClient.Builder http, PartnerMessageProperties.Sms provider, JsonMapper json) {
		this.provider = provider;
		this.json = json;
		// Not followed, so that the credentials go nowhere but to the configured URL.
		this.http = http
			.requestFactory(ClientHttpRequestFactoryBuilder.detect()
				.build(HttpClientSettings.defaults()
					.withTimeouts(provider.timeout(), provider.timeout())
					.withRedirects(HttpRedirects.DONT_FOLLOW)))
			.build();
	}

	@Override
	public SmsOutcome send(String phoneNumber, String text) {
		try {
			return this.http.post()
				.uri(this.provider.url())
				.headers(this::authenticate)
				.accept(MediaType.APPLICATION_JSON, MediaType.ALL)
				.contentType((this.provider.format() == PartnerMessageProperties.Format.FORM)
						? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON)
				.body(body(phoneNumber, text))
				.exchangeForRequiredValue(
						(request, response) -> outcome(response.getStatusCode(), answer(response.getBody())));
		}
		catch (RestClientException ex) {
			return new SmsOutcome.NotYet(
					"the SMS provider could not be reached or did not answer in time: " + ex.getMessage());
		}
	}

	private void authenticate(HttpHeaders headers) {
		if (this.provider.username() != null) {
			headers.setBasicAuth(this.provider.username(), this.provider.password(), StandardCharsets.UTF_8);
		}
		else if (this.provider.bearerToken() != null) {
			headers.setBearerAuth(this.provider.bearerToken());
		}
		else if (this.provider.apiKey() != null) {
			headers.set(this.provider.apiKeyHeader(), this.provider.apiKey());
		}
	}

	private Object body(String phoneNumber, String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(this.provider.recipientField(), phoneNumber);
		if (this.provider.senderId() != null) {
			fields.put(this.provider.senderField(), this.provider.senderId());
		}
		fields.put(this.provider.textField(), text);
		if (this.provider.format() == PartnerMessageProperties.Format.JSON) {
			return fields;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		fields.forEach(form::add);
		return form;
	}

	private SmsOutcome outcome(HttpStatusCode status, String answer) {
		if (status.is2xxSuccessful()) {
			return new SmsOutcome.Sent(messageIdIn(answer));
		}
		String start = (answer.length() > KEPT_ANSWER) ? answer.substring(0, KEPT_ANSWER) : answer;
		String reason = "the SMS provider answered " + status.value() + (start.isBlank() ? "" : ": " + start);
		if (status.is5xxServerError() || status.isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)
				|| status.isSameCodeAs(HttpStatus.REQUEST_TIMEOUT)) {
			return new SmsOutcome.NotYet(reason);
		}
		return new SmsOutcome.Refused(reason);
	}

	private String messageIdIn(String answer) {
		if (this.provider.messageIdPointer().isEmpty() || answer.isBlank()) {
			return null;
		}
		try {
			JsonNode id = this.json.readTree(answer).at(this.provider.messageIdPointer());
			if (!id.isString() && !id.isNumber()) {
				return null;
			}
			return (id.asString().length() > KEPT_ID) ? id.asString().substring(0, KEPT_ID) : id.asString();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Bounded, so that a provider answering with something huge cannot exhaust the
	 * memory.
	 */
	private static String answer(InputStream body) throws IOException {
		return new String(body.readNBytes(READ_ANSWER), StandardCharsets.UTF_8).strip();
	}

}
