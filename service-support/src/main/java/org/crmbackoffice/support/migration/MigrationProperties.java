package org.crmbackoffice.support.migration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance brings its database to the schema its build needs.
 *
 * @param mode who migrates: this instance at start, or a release step before it
 * @param waitTimeout in {@link Mode#WAIT}, how long an instance waits for the release
 * step before it gives up and fails its start
 */
@ConfigurationProperties("crm.migration")
public record MigrationProperties(@DefaultValue("migrate") Mode mode, @DefaultValue("10m") Duration waitTimeout) {

	public enum Mode {

		/** Migrate at start, as a single instance or a small deployment does. */
		MIGRATE,

		/**
		 * Migrate nothing, and start once another process has migrated the database to
		 * this build's version: the replicas of a release whose migration runs once, as a
		 * job of its own.
		 */
		WAIT,

		/** Migrate, then end the process with status 0 without serving anything. */
		MIGRATE_AND_EXIT

	}

}
