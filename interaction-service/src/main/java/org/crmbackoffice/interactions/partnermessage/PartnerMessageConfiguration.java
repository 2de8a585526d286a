package org.crmbackoffice.interactions.partnermessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The SMS gateway: an operator's own {@link SmsGateway} bean, else, only in the {@value #DEVELOPMENT_PROFILE}
 * profile the local stack runs in, one that logs. Without either no SMS is sent and SMS messages are
 * undeliverable.
 */
@Configuration(proxyBeanMethods = false)
class PartnerMessageConfiguration {

	static final String DEVELOPMENT_PROFILE = "local";

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	@Profile(DEVELOPMENT_PROFILE)
	LoggingSmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}

}
