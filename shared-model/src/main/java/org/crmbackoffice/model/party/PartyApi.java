package org.crmbackoffice.model.party;

/** Where the customer inventory serves TMF632 parties. */
public final class PartyApi {

	public static final String BASE_PATH = "/tmf-api/partyManagement/v5";

	public static final String INDIVIDUAL_PATH = BASE_PATH + "/individual";

	public static final String ORGANIZATION_PATH = BASE_PATH + "/organization";

	private PartyApi() {
	}

}
