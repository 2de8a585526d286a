package org.crmbackoffice.support.partitions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param monthsAhead how many months after the current one have their partitions ready
 * @param maintenanceInterval how often an instance checks that they do
 */
@ConfigurationProperties("crm.partitions")
public record PartitionProperties(@DefaultValue("3") int monthsAhead,
		@DefaultValue("PT6H") Duration maintenanceInterval) {

}
