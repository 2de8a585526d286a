package org.crmbackoffice.interactions.notification;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.crmbackoffice.interactions.notification.PartnerMessageProperties.Format;
import org.crmbackoffice.interactions.notification.PartnerMessageProperties.Sms;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.StandInService.Answer;
import org.crmbackoffice.testsupport.StandInService.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The provider's side of what the partner message tests drive through the API: the other
 * ways to authenticate and to shape the request, and which answers mean sent, never or
 * later, against a real HTTP server.
 */
class HttpSmsGatewayTests {

	private final Deque<Answer> answers = new ArrayDeque<>();

	private StandInService provider;

	@BeforeEach
	void start() throws IOException {
		this.provider = StandInService.start((request) -> {
			synchronized (this.answers) {
				return this.answers.isEmpty() ? Answer.status(204) : this.answers.pop();
			}
		});
	}

	@AfterEach
	void stop() {
		this.provider.close();
	}

	@Test
	void postsAFormWithBasicAuthenticationWhenTheProviderWantsOne() {
		Sms twilioLike = new Sms(URI.create(this.provider.baseUrl() + "/Accounts/AC1/Messages.json"), "AC1",
				"s3cr\u00e9t", null, null, "X-API-Key", "+15005550006", Format.FORM, "To", "From", "Body", "/sid",
				Duration.ofSeconds(5));
		this.answers.add(new Answer(201, "{\"sid\": \"SM42\", \"status\": \"queued\"}"));

		SmsOutcome outcome = gateway(twilioLike).send("+447700900123", "Hello & welcome");

		assertThat(outcome).isEqualTo(new SmsOutcome.Sent("SM42"));
		Request request = this.provider.requests.get(0);
		assertThat(request.path()).isEqualTo("/Accounts/AC1/Messages.json");
		assertThat(request.authorization()).isEqualTo("Basic QUMxOnMzY3LDqXQ=");
		assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(request.body()).isEqualTo("To=%2B447700900123&From=%2B15005550006&Body=Hello+%26+welcome");
	}

	@Test
	void sendsTheApiKeyInItsHeaderAndLeavesOutAnUnsetSenderId() {
		Sms withApiKey = provider(null, "key-123", null);

		SmsOutcome outcome = gateway(withApiKey).send("+447700900123", "Hello");

		assertThat(outcome).as("a 2xx answer without an id is still sent").isEqualTo(new SmsOutcome.Sent(null));
		Request request = this.provider.requests.get(0);
		assertThat(request.header("X-Api-Key")).isEqualTo("key-123");
		assertThat(request.authorization()).isNull();
		assertThat(request.body()).isEqualTo("{\"to\":\"+447700900123\",\"text\":\"Hello\"}");
	}

	@Test
	void triesAgainLaterWhenTheProviderThrottlesOrFailsAndNeverWhenItRefuses() {
		SmsGateway gateway = gateway(provider("token", null, "CRMCare"));
		this.answers.add(Answer.status(429));
		this.answers.add(Answer.status(500));
		this.answers.add(new Answer(401, "{\"message\": \"bad token\"}"));

		assertThat(gateway.send("+447700900123", "Hello")).isInstanceOf(SmsOutcome.NotYet.class);
		assertThat(gateway.send("+447700900123", "Hello")).isInstanceOf(SmsOutcome.NotYet.class);
		assertThat(gateway.send("+447700900123", "Hello"))
			.isEqualTo(new SmsOutcome.Refused("the SMS provider answered 401: {\"message\": \"bad token\"}"));
		assertThat(this.provider.requests.get(0).authorization()).isEqualTo("Bearer token");
	}

	@Test
	void triesAgainLaterWhenNoProviderListensAtTheUrl() {
		URI url = URI.create(this.provider.baseUrl() + "/sms");
		this.provider.close();

		SmsOutcome outcome = gateway(new Sms(url, null, null, null, null, "X-API-Key", null, Format.JSON, "to", "from",
				"text", "/id", Duration.ofSeconds(2)))
			.send("+447700900123", "Hello");

		assertThat(outcome).isInstanceOf(SmsOutcome.NotYet.class);
	}

	@Test
	void refusesAConfigurationWithTwoWaysToAuthenticate() {
		assertThatIllegalArgumentException().isThrownBy(() -> provider("token", "key-123", null))
			.withMessageContaining("one way to authenticate");
	}

	private Sms provider(String bearerToken, String apiKey, String senderId) {
		return new Sms(URI.create(this.provider.baseUrl() + "/sms"), null, null, bearerToken, apiKey, "X-API-Key",
				senderId, Format.JSON, "to", "from", "text", "/id", Duration.ofSeconds(5));
	}

	private static SmsGateway gateway(Sms provider) {
		return new HttpSmsGateway(RestClient.builder(), provider, JsonMapper.builder().build());
	}

}
