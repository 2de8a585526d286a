package org.crmbackoffice.model.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every kind of failure a client of the CRM back office can see, with its stable RFC 9457
 * {@code type} URI, HTTP status and title. Clients branch on the type; the title and
 * detail are for people.
 */
public enum ProblemType {

	MALFORMED_REQUEST("malformed-request", 400, "The request could not be read"),
	INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
	UNAUTHENTICATED("unauthenticated", 401, "Authentication is required"), FORBIDDEN("forbidden", 403, "Not allowed"),
	NOT_FOUND("not-found", 404, "No such resource"),
	AUTHENTICATION_PARTY_MISMATCH("authentication-party-mismatch", 403,
			"The interaction is about another party than the caller's"),
	METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed on this resource"),
	NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
	CONFLICT("conflict", 409, "The request conflicts with the resource's state"),
	PARTNER_NOT_AUTHENTICATED("partner-not-authenticated", 409, "The partner must be authenticated first"),
	ALREADY_AUTHENTICATED("already-authenticated", 409, "The partner is authenticated on this interaction already"),
	AUTHENTICATION_CODE_GONE("authentication-code-gone", 410, "The one-time code can no longer be used"),
	PRECONDITION_FAILED("precondition-failed", 412, "The resource has changed since it was read"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported content type"),
	UNKNOWN_REFERENCE("unknown-reference", 422, "A referenced entity does not exist"),
	AUTHENTICATION_CODE_WRONG("authentication-code-wrong", 422, "The one-time code is wrong"),
	IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used for a different request"),
	TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
	PEER_UNAVAILABLE("peer-unavailable", 503, "A service this request depends on is unavailable"),
	PEER_FAILED("peer-failed", 502, "A service this request depends on failed"),
	QUERY_TIMEOUT("query-timeout", 503, "The query took longer than this service allows"),
	AUDIT_UNAVAILABLE("audit-unavailable", 503, "The access cannot be recorded in the audit trail right now"),
	STREAMS_EXHAUSTED("streams-exhausted", 503, "This instance holds as many event streams as it may"),
	DATABASE_UNAVAILABLE("database-unavailable", 503, "The service cannot reach its database right now"),
	INTERNAL_ERROR("internal-error", 500, "Internal error");

	/**
	 * Problem type URIs are names, not links: they stay the same wherever the services
	 * run.
	 */
	public static final String TYPE_PREFIX = "urn:crm-backoffice:problem:";

	/** The TMF630 error code: the type's last segment, e.g. {@code invalid-request}. */
	private final String code;

	private final URI type;

	private final int status;

	private final String title;

	ProblemType(String name, int status, String title) {
		this.code = name;
		this.type = URI.create(TYPE_PREFIX + name);
		this.status = status;
		this.title = title;
	}

	/**
	 * The TMF630 {@code Error} members that travel beside the RFC 9457 ones in every
	 * problem body, so that a client written to either standard finds what it reads.
	 */
	public Map<String, Object> tmfErrorMembers(String detail) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("@type", "Error");
		members.put("code", this.code);
		members.put("reason", this.title);
		members.put("message", detail);
		members.put("referenceError", this.type.toString());
		return members;
	}

	public URI type() {
		return this.type;
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

}
