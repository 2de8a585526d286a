package org.crmbackoffice.inventory.audit;

import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.partitions.MonthlyPartitions;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the purpose check in front of every endpoint that reaches customer records, and
 * declares the read entries' monthly partitions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration implements WebMvcConfigurer {

	static final String ACCESS_ENTRY_PARTITIONS = "accessEntryPartitions";

	private final CurrentCaller callers;

	private final AuditProperties properties;

	AuditConfiguration(CurrentCaller callers, AuditProperties properties) {
		this.callers = callers;
		this.properties = properties;
	}

	/**
	 * The read entries, one partition per month, which retention drops whole (see
	 * {@link ReadRetention}).
	 */
	@Bean(ACCESS_ENTRY_PARTITIONS)
	MonthlyPartitions accessEntryPartitions(JdbcTemplate jdbc) {
		return new MonthlyPartitions(jdbc, "audit_entry_access");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PurposeCheck(this.callers, this.properties.purposeRequiredRoles()))
			.addPathPatterns(CustomerApi.BASE_PATH, CustomerApi.BASE_PATH + "/**", AgreementApi.BASE_PATH,
					AgreementApi.BASE_PATH + "/**", "/inventory/v1/customer/**");
	}

}
