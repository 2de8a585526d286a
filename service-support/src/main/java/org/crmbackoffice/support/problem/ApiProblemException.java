package org.crmbackoffice.support.problem;

import java.util.List;

import org.crmbackoffice.model.problem.ProblemType;

/**
 * Raised by service code for a failure the client should see as a problem response of the given type, with a
 * detail written for the person reading it.
 */
public class ApiProblemException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> errors;

	public ApiProblemException(ProblemType type, String detail) {
		this(type, detail, List.of(), null);
	}

	public ApiProblemException(ProblemType type, String detail, List<FieldProblem> errors, Throwable cause) {
		super(detail, cause);
		this.type = type;
		this.errors = List.copyOf(errors);
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

}
