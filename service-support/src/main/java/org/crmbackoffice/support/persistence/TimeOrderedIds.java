package org.crmbackoffice.support.persistence;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for records that are read in bulk in the order they were created: UUID version 7
 * (RFC 9562), whose leading bits are the creation time. Records created together then sit
 * side by side in their primary key, and a scan in ranges of ids, such as a data-quality
 * run's chunks, reads a few neighbouring pages of each table instead of one page per
 * record. Random ids scatter both. Clients see an opaque id either way.
 */
public final class TimeOrderedIds {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private TimeOrderedIds() {
	}

	/**
	 * A new id, after every id this process made before.
	 * @return the id
	 */
	public static UUID next() {
		return GENERATOR.generate();
	}

}
