package org.crmbackoffice.model.agreement;

/** Where the customer inventory serves agreements. */
public final class AgreementApi {

	public static final String BASE_PATH = "/tmf-api/agreementManagement/v4/agreement";

	private AgreementApi() {
	}

}
