package org.crmbackoffice.inventory.usage;

import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Puts the usage filter outside the security filters, right after the request id is set,
 * so that refused requests count too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageProperties.class)
class UsageConfiguration {

	@Bean
	FilterRegistrationBean<UsageFilter> usageFilter(UsageMeter meter, CurrentCaller callers,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		FilterRegistrationBean<UsageFilter> registration = new FilterRegistrationBean<>(
				new UsageFilter(meter, callers, mappings));
		registration.addUrlPatterns("/tmf-api/*", "/inventory/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
