package org.crmbackoffice.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Test contexts share one database and their callers share token subjects, so a whole
 * suite calling as {@code agent} would spend one budget and see 429s that have nothing to
 * do with the test. Requests are counted only where a test asks for it
 * ({@code crm.rate-limit.enabled=true} in its {@code @TestPropertySource}).
 */
public class NoRateLimits implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("noRateLimits", Map.of("crm.rate-limit.enabled", "false")));
	}

}
