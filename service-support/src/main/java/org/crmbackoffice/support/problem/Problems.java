package org.crmbackoffice.support.problem;

import java.util.Arrays;
import java.util.List;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.requestid.RequestIdFilter;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details the same way wherever they are produced. Each is an RFC 9457
 * problem and, in the same body, a TMF630 {@code Error}
 * ({@link ProblemType#tmfErrorMembers}).
 */
final class Problems {

	private Problems() {
	}

	static ProblemDetail of(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
		problem.setType(type.type());
		problem.setTitle(type.title());
		type.tmfErrorMembers(detail).forEach(problem::setProperty);
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	static ProblemDetail of(ProblemType type, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = of(type, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/**
	 * A problem for a status the container or the framework set, with nothing more to say
	 * than the status.
	 */
	static ProblemDetail ofStatus(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		ProblemDetail problem = of(forStatus(status), (known != null) ? known.getReasonPhrase() : "Error " + status);
		problem.setStatus(status);
		return problem;
	}

	/**
	 * The problem type for a status the framework chose, for the cases no handler names a
	 * type itself.
	 */
	static ProblemType forStatus(int status) {
		return Arrays.stream(ProblemType.values())
			.filter((type) -> type.status() == status)
			.findFirst()
			.orElse((status >= 500) ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST);
	}

}
