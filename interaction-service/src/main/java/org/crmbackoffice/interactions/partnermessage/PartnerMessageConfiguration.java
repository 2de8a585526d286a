package org.crmbackoffice.interactions.partnermessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PartnerMessageConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmsGateway smsGateway() {
		return new LoggingSmsGateway();
	}

}
