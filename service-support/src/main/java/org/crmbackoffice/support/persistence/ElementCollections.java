package org.crmbackoffice.support.persistence;

import java.util.List;

/** Changes to an entity's {@code @ElementCollection} lists. */
public final class ElementCollections {

	private ElementCollections() {
	}

	/**
	 * Makes the stored list hold the given elements. Leaves it alone when they are equal:
	 * replacing an unchanged collection would make Hibernate delete and re-insert all its
	 * rows.
	 */
	public static <T> void replace(List<T> stored, List<T> given) {
		if (!stored.equals(given)) {
			stored.clear();
			stored.addAll(given);
		}
	}

}
