package org.crmbackoffice.interactions.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param statementTimeout how long one analytics query may run before PostgreSQL cancels
 * it, so a heavy report cannot hold connections and CPU the live API needs
 * @param maxRange the longest time range one request may cover
 */
@ConfigurationProperties("crm.analytics")
record AnalyticsProperties(@DefaultValue("PT10S") Duration statementTimeout, @DefaultValue("P731D") Duration maxRange) {
}
