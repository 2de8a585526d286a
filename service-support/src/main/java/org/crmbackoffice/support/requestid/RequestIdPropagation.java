package org.crmbackoffice.support.requestid;

import org.slf4j.MDC;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Forwards the current request id on every call made through a Spring Boot built
 * {@link RestClient}, which includes the HTTP service clients of the other service.
 */
public class RequestIdPropagation implements RestClientCustomizer {

	@Override
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptor(forwardRequestId());
	}

	static ClientHttpRequestInterceptor forwardRequestId() {
		return (request, body, execution) -> {
			String requestId = MDC.get(RequestIdFilter.MDC_KEY);
			if (requestId != null && !request.getHeaders().containsHeader(RequestIdFilter.HEADER)) {
				request.getHeaders().set(RequestIdFilter.HEADER, requestId);
			}
			return execution.execute(request, body);
		};
	}

}
