package org.crmbackoffice.support.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

/**
 * Checks a request the service built itself (a merge patch's result, the v5 form of a v4
 * request) as strictly as Spring checks a {@code @Valid} body, with the same problem.
 */
public final class RequestValidation {

	private RequestValidation() {
	}

	/**
	 * @throws ApiProblemException 400 with a field problem for each invalid value
	 */
	public static <T> T check(T request, Validator validator, String detail) {
		Set<ConstraintViolation<T>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			List<FieldProblem> errors = violations.stream()
				.map((violation) -> FieldProblem.atPropertyPath(violation.getPropertyPath().toString(),
						violation.getMessage()))
				.toList();
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					detail + " has " + errors.size() + " invalid value(s); see errors.", errors, null);
		}
		return request;
	}

}
