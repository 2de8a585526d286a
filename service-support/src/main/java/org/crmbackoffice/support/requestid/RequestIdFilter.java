package org.crmbackoffice.support.requestid;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id and writes one structured log line per request when it
 * completes. A caller's {@code X-Request-ID} is kept when it is a plausible id; anything
 * else is replaced, so that log injection through the header is not possible.
 * <p>
 * It runs just inside Spring's HTTP server observation (at
 * {@code HIGHEST_PRECEDENCE + 1}), so that the line it writes carries the request's trace
 * id too.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-ID";

	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final Logger log = LoggerFactory.getLogger("org.crmbackoffice.request");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR;
		String requestId = errorDispatch && response.getHeader(HEADER) != null ? response.getHeader(HEADER)
				: acceptOrGenerate(request.getHeader(HEADER));
		long started = System.nanoTime();
		MDC.put(MDC_KEY, requestId);
		response.setHeader(HEADER, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!errorDispatch) {
				logCompletion(request, response, started);
			}
			MDC.remove(MDC_KEY);
		}
	}

	private static void logCompletion(HttpServletRequest request, HttpServletResponse response, long started) {
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.atInfo()
			.addKeyValue("http.method", request.getMethod())
			.addKeyValue("http.path", request.getRequestURI())
			.addKeyValue("http.status", response.getStatus())
			.addKeyValue("duration.ms", millis)
			.log("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), millis);
	}

	/**
	 * Runs for error dispatches too, so the problem written there carries the same id.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String acceptOrGenerate(String candidate) {
		if (candidate != null && ACCEPTABLE_ID.matcher(candidate).matches()) {
			return candidate;
		}
		return UUID.randomUUID().toString();
	}

}
