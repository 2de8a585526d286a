package org.crmbackoffice.inventory.audit;

import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Puts the audit around the API: the usage filter outside the security filters (so refused requests count too,
 * right after the request id is set), and the purpose check in front of every endpoint that reaches customer
 * records.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration implements WebMvcConfigurer {

	private final CurrentCaller callers;

	private final AuditProperties properties;

	AuditConfiguration(CurrentCaller callers, AuditProperties properties) {
		this.callers = callers;
		this.properties = properties;
	}

	@Bean
	FilterRegistrationBean<UsageFilter> usageFilter(UsageMeter meter,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		FilterRegistrationBean<UsageFilter> registration = new FilterRegistrationBean<>(
				new UsageFilter(meter, this.callers, mappings));
		registration.addUrlPatterns("/tmf-api/*", "/inventory/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PurposeCheck(this.callers, this.properties.purposeRequiredRoles()))
			.addPathPatterns(CustomerApi.BASE_PATH, CustomerApi.BASE_PATH + "/**", AgreementApi.BASE_PATH,
					AgreementApi.BASE_PATH + "/**", "/inventory/v1/customer/**");
	}

}
