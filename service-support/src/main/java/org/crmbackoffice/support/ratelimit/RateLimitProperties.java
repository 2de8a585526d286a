package org.crmbackoffice.support.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests a caller may send per window. A caller with several roles gets the
 * largest budget among them.
 *
 * @param enabled whether requests are counted at all
 * @param window the period a budget refills over, gradually (one request's worth every
 * window / budget)
 * @param requests the budget of every endpoint but the bulk ones
 * @param bulk the separate, smaller budget of the endpoints that read in bulk (exports,
 * reports)
 * @param bulkPaths the path patterns of those endpoints
 * ({@code /interaction/v1/export/**})
 * @param pauseAfterFailure how long requests go uncounted once the budget store failed
 */
@ConfigurationProperties("crm.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration window,
		@DefaultValue Budget requests, @DefaultValue Budget bulk, @DefaultValue List<String> bulkPaths,
		@DefaultValue("10s") Duration pauseAfterFailure) {

	/**
	 * @param perRole requests per window for callers with that role
	 * @param otherRoles requests per window for callers with none of those roles
	 */
	public record Budget(@DefaultValue Map<String, Long> perRole, @DefaultValue("300") long otherRoles) {

		/**
		 * The largest budget among the roles, the one for other roles when none has its
		 * own.
		 */
		long forRoles(Set<String> roles) {
			return roles.stream()
				.map(this.perRole::get)
				.filter((budget) -> budget != null)
				.max(Long::compare)
				.orElse(this.otherRoles);
		}

	}

}
