package org.crmbackoffice.support.hub;

import org.crmbackoffice.support.problem.ApiProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallbackGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/events", "http://localhost/events", "http://10.1.2.3/x",
			"http://192.168.0.10/x", "http://172.16.5.4/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
			"http://100.64.0.1/x", "ftp://example.org/x", "not a url", "http:///no-host" })
	void refusesCallbacksIntoTheServicesOwnNetwork(String callback) {
		assertThatExceptionOfType(ApiProblemException.class).isThrownBy(() -> new CallbackGuard(false).check(callback));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/events", "http://localhost/events" })
	void allowsLoopbackWhenConfiguredTo(String callback) {
		assertThat(new CallbackGuard(true).check(callback).getHost()).isNotBlank();
	}

}
