package org.crmbackoffice.model.party;

import java.util.List;

/** What individuals and organizations have in common, as the inventory reads them. */
public sealed interface Party permits Individual, Organization {

	String id();

	String href();

	String status();

	/**
	 * The name people know the party by: an individual's full name, an organization's
	 * name.
	 */
	String displayName();

	List<Identification> identifications();

	/**
	 * The same party with other identifications, e.g. after a merge of two records of it.
	 */
	Party withIdentifications(List<Identification> identifications);

	/**
	 * The party with the identity and the default {@code @type}s the inventory gives it.
	 */
	Party identifiedAs(String id, String href);

}
