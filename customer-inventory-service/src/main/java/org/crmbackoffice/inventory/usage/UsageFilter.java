package org.crmbackoffice.inventory.usage;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Sees every request to the inventory's API, including those the security filters refuse,
 * and counts it for the usage report with its outcome and the bytes of its answer. It
 * runs around the security filters, so it learns the caller from the request once they
 * are done.
 */
class UsageFilter extends OncePerRequestFilter {

	static final String UNMATCHED = "unmatched";

	private final UsageMeter meter;

	private final CurrentCaller callers;

	/**
	 * The API's handlers, not the actuator's; looked up when first needed, as they come
	 * after the filters.
	 */
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UsageFilter(UsageMeter meter, CurrentCaller callers, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.meter = meter;
		this.callers = callers;
		this.mappings = mappings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UsageMeter.RequestUsage usage = this.meter.started(request);
		CountingResponse counted = new CountingResponse(response);
		boolean failed = true;
		try {
			chain.doFilter(request, counted);
			failed = false;
		}
		finally {
			Caller caller = this.callers.of(request).orElse(null);
			this.meter.completed(usage, (caller != null) ? caller.subject() : UsageMeter.UNKNOWN,
					(caller != null && caller.clientId() != null) ? caller.clientId() : UsageMeter.UNKNOWN,
					operationOf(request), failed ? 500 : counted.getStatus(), counted.bytes());
		}
	}

	/**
	 * The API operation, named after its handler: {@code customer.retrieve} for
	 * {@code CustomerController#retrieve}. Requests refused before they reached a handler
	 * are matched to the one they were meant for.
	 */
	private String operationOf(HttpServletRequest request) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (!(handler instanceof HandlerMethod)) {
			handler = lookUp(request);
		}
		if (handler instanceof HandlerMethod method) {
			String type = method.getBeanType().getSimpleName().replaceFirst("Controller$", "");
			return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + method.getMethod().getName();
		}
		return UNMATCHED;
	}

	private Object lookUp(HttpServletRequest request) {
		try {
			RequestMappingHandlerMapping mapping = this.mappings.getObject();
			if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			HandlerExecutionChain found = mapping.getHandler(request);
			return (found != null) ? found.getHandler() : null;
		}
		catch (Exception ex) {
			// No handler takes this method or content type: the request matched no
			// operation. Whatever the reason,
			// counting a request never fails it.
			return null;
		}
	}

	/** Counts the bytes of the answer as they are written, without holding them. */
	private static final class CountingResponse extends HttpServletResponseWrapper {

		private CountingStream stream;

		private PrintWriter writer;

		CountingResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getOutputStream());
			}
			return this.stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(
						new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())), false);
			}
			return this.writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.writer != null) {
				this.writer.flush();
			}
			super.flushBuffer();
		}

		long bytes() {
			if (this.writer != null) {
				this.writer.flush();
			}
			return (this.stream != null) ? this.stream.count : 0;
		}

	}

	private static final class CountingStream extends ServletOutputStream {

		private final ServletOutputStream target;

		private long count;

		CountingStream(ServletOutputStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) throws IOException {
			this.target.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.target.write(bytes, offset, length);
			this.count += length;
		}

		@Override
		public void flush() throws IOException {
			this.target.flush();
		}

		@Override
		public void close() throws IOException {
			this.target.close();
		}

		@Override
		public boolean isReady() {
			return this.target.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.target.setWriteListener(listener);
		}

	}

}
