package org.crmbackoffice.inventory.audit;

import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.crmbackoffice.support.requestid.RequestIdFilter;
import org.crmbackoffice.support.security.Caller;
import org.slf4j.MDC;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is accessing customer records in the current request, from where and why: what
 * every entry of the request shares. Taken on the request's thread, since the entries of
 * reads are written on another.
 */
record Accessor(String principal, String clientId, String roles, String requestId, String sourceAddress,
		String purpose) {

	/** The header in which callers state why they access customer records. */
	static final String PURPOSE_HEADER = "X-Purpose";

	static final int PURPOSE_MAX_LENGTH = 200;

	static Accessor of(Caller caller) {
		HttpServletRequest request = currentRequest();
		return new Accessor(clip(caller.subject(), 200), clip(caller.clientId(), 200),
				clip(String.join(",", new TreeSet<>(caller.roles())), 500), MDC.get(RequestIdFilter.MDC_KEY),
				(request != null) ? clip(request.getRemoteAddr(), 64) : null,
				(request != null) ? clip(purposeOf(request), PURPOSE_MAX_LENGTH) : null);
	}

	/**
	 * @return the stated purpose, or {@code null} if none was stated
	 */
	static String purposeOf(HttpServletRequest request) {
		String purpose = request.getHeader(PURPOSE_HEADER);
		return (purpose == null || purpose.isBlank()) ? null : purpose.strip();
	}

	AuditEntry entry(Instant at, String operation, UUID recordId, String via, String changes) {
		return new AuditEntry(EntryHash.stored(at), this.principal, this.clientId, this.roles, operation, recordId, via,
				this.requestId, this.sourceAddress, this.purpose, changes);
	}

	/**
	 * Keeps values within their columns: an oversized token claim must not make a whole
	 * batch of entries fail. Stated purposes are checked for their length before the
	 * request gets this far.
	 */
	private static String clip(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
