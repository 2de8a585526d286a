package org.crmbackoffice.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Reads JSON request bodies with {@link ExtensionAttributes}: an attribute the resource
 * does not have is a 400 naming it. The body is kept for the request so that, in the rare
 * case of an unknown attribute, the object around it can be checked for an
 * {@code @schemaLocation}.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class StrictRequestBodies extends RequestBodyAdviceAdapter implements WebMvcConfigurer {

	private final JsonMapper json;

	public StrictRequestBodies(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Runs after Spring Boot's own configuration (order 0), whose JSON converter this one
	 * replaces.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(ExtensionAttributes.strict(this.json)));
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = StreamUtils.copyToByteArray(input.getBody());
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ExtensionAttributes.BODY_ATTRIBUTE, body, RequestAttributes.SCOPE_REQUEST);
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

}
