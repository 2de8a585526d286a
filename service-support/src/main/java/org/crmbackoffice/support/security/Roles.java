package org.crmbackoffice.support.security;

/** The roles an identity provider can give a caller of the CRM back office. */
public final class Roles {

	/** An enterprise representative handling interactions. */
	public static final String AGENT = "agent";

	/** An agent's supervisor: may also reassign, cancel and see reports. */
	public static final String SUPERVISOR = "supervisor";

	/** A business partner on self-service; the token names its party. */
	public static final String PARTNER = "partner";

	/**
	 * Keeps customer data right: creates, modifies and closes customers, runs
	 * data-quality audits.
	 */
	public static final String DATA_STEWARD = "data-steward";

	/** Reads audit trails and usage reports, nothing else. */
	public static final String AUDITOR = "auditor";

	/** A BI job: pulls the exports of the interaction log, nothing else. */
	public static final String ANALYST = "analyst";

	/** Everything, including erasure. */
	public static final String ADMIN = "admin";

	/** The interaction service calling the customer inventory. */
	public static final String INTERACTION_SERVICE = "interaction-service";

	/** The customer inventory calling the interaction service. */
	public static final String CUSTOMER_INVENTORY_SERVICE = "customer-inventory-service";

	private Roles() {
	}

}
