package org.crmbackoffice.inventory.quality;

import java.util.UUID;

import org.crmbackoffice.model.customer.CustomerApi;

/** A customer that a finding, verification or merge is about, with its address. */
public record CustomerRef(String id, String href) {

	public static CustomerRef of(UUID id) {
		return new CustomerRef(id.toString(), CustomerApi.BASE_PATH + "/" + id);
	}

}
