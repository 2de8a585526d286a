package org.crmbackoffice.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code crm-service-defaults.yml} as the lowest-precedence configuration, so every
 * service shares the same production defaults (virtual threads, graceful shutdown, schema
 * validation, actuator exposure ...) and can still override any of them in its own
 * {@code application.yml} or through the environment.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

	static final String RESOURCE = "crm-service-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE,
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
