package org.crmbackoffice.inventory.quality;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled runs and take-overs of stale runs need the scheduler; the rules their
 * settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(QualityProperties.class)
class QualityConfiguration {

}
