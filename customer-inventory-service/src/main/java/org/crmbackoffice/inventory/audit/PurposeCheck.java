package org.crmbackoffice.inventory.audit;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Callers in the roles of {@code crm.audit.purpose-required-roles} reach customer records
 * only with a stated purpose ({@code X-Purpose}), which the trail records with each
 * access. A purpose anyone states must fit the trail: printable and at most
 * {@value Accessor#PURPOSE_MAX_LENGTH} characters.
 */
class PurposeCheck implements HandlerInterceptor {

	private final CurrentCaller callers;

	private final Set<String> rolesThatMustStateIt;

	PurposeCheck(CurrentCaller callers, Set<String> rolesThatMustStateIt) {
		this.callers = callers;
		this.rolesThatMustStateIt = rolesThatMustStateIt;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String purpose = Accessor.purposeOf(request);
		if (purpose == null) {
			Caller caller = this.callers.get();
			if (caller.roles().stream().anyMatch(this.rolesThatMustStateIt::contains)) {
				throw new ApiProblemException(ProblemType.INVALID_REQUEST,
						"Your role must state the purpose of accessing customer records in the "
								+ Accessor.PURPOSE_HEADER + " header, e.g. \"" + Accessor.PURPOSE_HEADER
								+ ": support case 4711\".");
			}
		}
		else if (purpose.length() > Accessor.PURPOSE_MAX_LENGTH || purpose.chars().anyMatch(Character::isISOControl)) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST, "The stated purpose (" + Accessor.PURPOSE_HEADER
					+ ") must be printable text of at most " + Accessor.PURPOSE_MAX_LENGTH + " characters.");
		}
		return true;
	}

}
