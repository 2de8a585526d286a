package org.crmbackoffice.support.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Answers the errors that Tomcat finds before a request reaches the application (a URL it
 * will not decode, a header or request line too long, ...) with a problem like every
 * other error, where Tomcat would write an HTML page. Errors the application answered
 * itself have a body already and are left as they are.
 */
public final class ContainerProblemReports extends ErrorReportValve {

	private final JsonMapper json;

	ContainerProblemReports(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Puts this valve in place of the error report of the host the application runs in,
	 * once it has started.
	 */
	public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer(JsonMapper json) {
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.AFTER_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
				replaceIn(host, json);
			}
		}));
	}

	private static void replaceIn(Host host, JsonMapper json) {
		Pipeline pipeline = host.getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ContainerProblemReports) {
				return;
			}
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new ContainerProblemReports(json));
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ProblemDetail problem = Problems.ofStatus(status);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", status);
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response was committed meanwhile: nothing more
			// can be said to it.
		}
	}

}
