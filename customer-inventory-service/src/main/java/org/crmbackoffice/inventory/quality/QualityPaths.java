package org.crmbackoffice.inventory.quality;

/** Where the data-quality resources live, merges of duplicates included. */
public final class QualityPaths {

	public static final String BASE_PATH = "/inventory/v1/quality";

	/** The media type of the reports' CSV form, for annotations. */
	public static final String CSV = "text/csv";

	/** The tag that groups them in the API document. */
	public static final String TAG = "data quality";

	public static final String TAG_DESCRIPTION = "Audits of the customer records, their findings, verifications, "
			+ "merges of duplicates and quality reports";

	private QualityPaths() {
	}

}
