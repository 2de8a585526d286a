package org.crmbackoffice.interactions.customer;

import org.crmbackoffice.model.customer.CustomerApi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The HTTP client of the customer inventory. Its base URL and timeouts are the {@code inventory} group of
 * {@code spring.http.serviceclient}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = InventoryClientConfiguration.GROUP, types = CustomerApi.class)
class InventoryClientConfiguration {

	static final String GROUP = "inventory";

}
