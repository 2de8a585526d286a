package org.crmbackoffice.support.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts each authenticated request against its caller's budget and refuses it with 429
 * when the budget is spent. A business partner's budget is its party's, whatever client
 * or token it calls with; everyone else's is its token subject's. Every answer says where
 * the caller stands, in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers
 * (draft-ietf-httpapi-ratelimit-headers). Requests without a valid token are refused
 * before they get here and cost nothing.
 */
class RateLimitInterceptor implements HandlerInterceptor {

	private final String policy;

	private final RateLimitProperties.Budget budget;

	private final RequestBudgets budgets;

	private final CurrentCaller callers;

	/**
	 * @param policy the name of the budget in the headers: {@code default} or
	 * {@code bulk}
	 */
	RateLimitInterceptor(String policy, RateLimitProperties.Budget budget, RequestBudgets budgets,
			CurrentCaller callers) {
		this.policy = policy;
		this.budget = budget;
		this.budgets = budgets;
		this.callers = callers;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Caller caller = this.callers.of(request).orElse(null);
		if (caller == null) {
			return true;
		}
		long capacity = this.budget.forRoles(caller.roles());
		ConsumptionProbe probe = this.budgets.take(this.policy + ":" + caller.limitKey(), capacity).orElse(null);
		if (probe == null) {
			return true;
		}
		long window = this.budgets.window().toSeconds();
		response.setHeader("RateLimit-Policy", "\"%s\";q=%d;w=%d".formatted(this.policy, capacity, window));
		response.setHeader("RateLimit", "\"%s\";r=%d;t=%d".formatted(this.policy, probe.getRemainingTokens(),
				seconds(probe.getNanosToWaitForReset())));
		if (probe.isConsumed()) {
			return true;
		}
		long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		throw new ApiProblemException(ProblemType.TOO_MANY_REQUESTS,
				"This client has used its %d requests per %d s%s. Try again in %d s.".formatted(capacity, window,
						this.policy.equals("default") ? "" : " for exports and reports", retryAfter));
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
