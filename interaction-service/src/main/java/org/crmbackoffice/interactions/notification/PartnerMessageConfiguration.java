package org.crmbackoffice.interactions.notification;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.client.RestClient;

/**
 * The SMS gateway: an operator's own {@link SmsGateway} bean, else the HTTP provider
 * configured under {@code crm.interaction.partner-messages.sms}, else, only in the
 * {@value #DEVELOPMENT_PROFILE} profile the local stack runs in, one that logs. Without
 * any of them no SMS is sent and SMS messages are undeliverable.
 */
@Configuration(proxyBeanMethods = false)
class PartnerMessageConfiguration {

	static final String DEVELOPMENT_PROFILE = "local";

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	@ConditionalOnProperty("crm.interaction.partner-messages.sms.url")
	HttpSmsGateway httpSmsGateway(RestClient.Builder http, PartnerMessageProperties properties, JsonMapper json) {
		return new HttpSmsGateway(http, properties.sms(), json);
	}

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	@Profile(DEVELOPMENT_PROFILE)
	LoggingSmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}

}
