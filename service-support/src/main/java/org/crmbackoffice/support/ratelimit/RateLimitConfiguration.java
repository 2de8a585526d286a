package org.crmbackoffice.support.ratelimit;

import javax.sql.DataSource;

import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts every request of an authenticated caller through its budget: the bulk endpoints
 * through the bulk budget, all others through the default one. On unless
 * {@code crm.rate-limit.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "crm.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration implements WebMvcConfigurer {

	private final RateLimitProperties properties;

	private final RequestBudgets budgets;

	private final CurrentCaller callers;

	RateLimitConfiguration(RateLimitProperties properties, DataSource dataSource, CurrentCaller callers) {
		this.properties = properties;
		this.budgets = new RequestBudgets(dataSource, properties.window(), properties.pauseAfterFailure());
		this.callers = callers;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		String[] bulkPaths = this.properties.bulkPaths().toArray(String[]::new);
		registry.addInterceptor(interceptor("default", this.properties.requests())).excludePathPatterns(bulkPaths);
		if (bulkPaths.length > 0) {
			registry.addInterceptor(interceptor("bulk", this.properties.bulk())).addPathPatterns(bulkPaths);
		}
	}

	private RateLimitInterceptor interceptor(String policy, RateLimitProperties.Budget budget) {
		return new RateLimitInterceptor(policy, budget, this.budgets, this.callers);
	}

	/**
	 * Both services schedule their own background work; this runs on their scheduler, on
	 * every instance.
	 */
	@Scheduled(fixedDelayString = "${crm.rate-limit.cleanup-interval:PT5M}")
	void removeRefilledBuckets() {
		int removed;
		do {
			removed = this.budgets.removeRefilled(1000);
		}
		while (removed == 1000);
	}

}
