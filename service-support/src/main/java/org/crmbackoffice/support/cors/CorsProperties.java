package org.crmbackoffice.support.cors;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The origins of the browser front ends a deployment serves. None by default: a front end
 * on another origin is then refused by the browser, as before.
 *
 * @param allowedOrigins origins such as {@code https://crm.example.com}, or patterns such
 * as {@code https://*.example.com}
 * @param allowedMethods the methods their scripts may use
 * @param allowedHeaders the request headers their scripts may send
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("crm.web.cors")
public record CorsProperties(List<String> allowedOrigins, @DefaultValue( {
		"GET", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
		@DefaultValue({ "Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match", "Idempotency-Key",
				"X-Purpose", "X-Request-ID", "Last-Event-ID" }) List<String> allowedHeaders,
		@DefaultValue("PT30M") Duration maxAge){

	public CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
