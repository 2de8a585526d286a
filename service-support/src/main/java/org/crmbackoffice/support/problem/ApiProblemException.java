package org.crmbackoffice.support.problem;

import java.util.List;
import java.util.Map;

import org.crmbackoffice.model.problem.ProblemType;

/**
 * Raised by service code for a failure the client should see as a problem response of the
 * given type, with a detail written for the person reading it, and optionally field
 * errors or further properties a client can act on (e.g. the allowed transitions).
 */
public class ApiProblemException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> errors;

	private final Map<String, Object> properties;

	public ApiProblemException(ProblemType type, String detail) {
		this(type, detail, List.of(), null);
	}

	public ApiProblemException(ProblemType type, String detail, Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.errors = List.of();
		this.properties = Map.copyOf(properties);
	}

	public ApiProblemException(ProblemType type, String detail, List<FieldProblem> errors, Throwable cause) {
		super(detail, cause);
		this.type = type;
		this.errors = List.copyOf(errors);
		this.properties = Map.of();
	}

	public static ApiProblemException notFound(String what, String id) {
		return new ApiProblemException(ProblemType.NOT_FOUND, "No " + what + " with id " + id + ".");
	}

	public ProblemType type() {
		return this.type;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
