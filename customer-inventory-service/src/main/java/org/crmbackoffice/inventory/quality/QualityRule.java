package org.crmbackoffice.inventory.quality;

/**
 * One automated check of the customer records, with its effective settings.
 *
 * @param id what findings name it by, and its key under {@code crm.quality.rules}
 * @param dimension completeness, validity, consistency, staleness or duplicates
 * @param severity low, medium or high: how much a finding of this rule matters
 * @param threshold the rule's tuning value (days for staleness, name similarity for
 * duplicates), or {@code null}
 * @param query the rule as SQL over one chunk of customers ({@code chunk_customer},
 * {@code chunk_party}, {@code chunk_medium}), selecting
 * {@code customer_id, detail_key, fields, message, related_customer_id}; {@code null} for
 * a rule checked in Java
 */
record QualityRule(String id, String dimension, String description, boolean enabled, String severity, Double threshold,
		String query) {

	static final String COMPLETENESS = "completeness";

	static final String VALIDITY = "validity";

	static final String CONSISTENCY = "consistency";

	static final String STALENESS = "staleness";

	static final String DUPLICATES = "duplicates";

	QualityRule with(QualityProperties.RuleSettings settings) {
		if (settings == null) {
			return this;
		}
		String chosen = (settings.severity() != null) ? settings.severity() : this.severity;
		if (!QualityRules.SEVERITIES.contains(chosen)) {
			throw new IllegalArgumentException("crm.quality.rules." + this.id + ".severity must be one of "
					+ QualityRules.SEVERITIES + ", not " + chosen);
		}
		Double threshold = (settings.threshold() != null) ? settings.threshold() : this.threshold;
		if (DUPLICATES.equals(this.dimension) && threshold != null && !(threshold > 0 && threshold <= 1)) {
			throw new IllegalArgumentException("crm.quality.rules." + this.id
					+ ".threshold is a name similarity, above 0 and at most 1, not " + threshold);
		}
		return new QualityRule(this.id, this.dimension, this.description,
				(settings.enabled() != null) ? settings.enabled() : this.enabled, chosen, threshold, this.query);
	}

}
