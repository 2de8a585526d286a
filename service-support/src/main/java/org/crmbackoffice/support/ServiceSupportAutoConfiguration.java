package org.crmbackoffice.support;

import java.time.Clock;
import java.time.Duration;

import org.crmbackoffice.support.apidocs.ApiDocumentationConventions;
import org.crmbackoffice.support.hub.HubConfiguration;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.migration.SharedMigrations;
import org.crmbackoffice.support.partitions.PartitionConfiguration;
import org.crmbackoffice.support.problem.ContainerProblemReports;
import org.crmbackoffice.support.problem.ProblemErrorController;
import org.crmbackoffice.support.problem.ProblemResponses;
import org.crmbackoffice.support.ratelimit.RateLimitConfiguration;
import org.crmbackoffice.support.requestid.RequestIdFilter;
import org.crmbackoffice.support.requestid.RequestIdPropagation;
import org.crmbackoffice.support.security.ApiDocumentationSecurity;
import org.crmbackoffice.support.security.ResourceServerSecurity;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.StrictRequestBodies;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Switches on the shared web behaviour of a CRM back office service. Runs before Spring
 * Boot's error handling and web security so that {@code /error} answers with problem
 * details and Boot's default security backs off.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemResponses.class, ProblemErrorController.class, RequestIdFilter.class, RequestIdPropagation.class,
		ResourceServerSecurity.class, ApiDocumentationSecurity.class, ApiDocumentationConventions.class,
		HubConfiguration.class, StrictRequestBodies.class, RateLimitConfiguration.class, SharedMigrations.class,
		PartitionConfiguration.class })
public class ServiceSupportAutoConfiguration {

	/**
	 * Services take the time from here. It ticks in microseconds, as PostgreSQL stores
	 * time, so that what a create answers is what a later read returns.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

	/**
	 * Tomcat's own error reports become problems too (see
	 * {@link ContainerProblemReports}).
	 */
	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblemReports(JsonMapper json) {
		return ContainerProblemReports.customizer(json);
	}

	@Bean
	JobLocks jobLocks(JdbcTemplate jdbc) {
		return new JobLocks(jdbc);
	}

	@Bean
	MergePatcher mergePatcher(JsonMapper json, Validator validator) {
		return new MergePatcher(json, validator);
	}

	@Bean
	IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		return new IdempotencyKeys(jdbc, json, clock);
	}

}
