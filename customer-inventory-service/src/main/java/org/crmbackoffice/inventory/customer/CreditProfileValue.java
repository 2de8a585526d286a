package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.crmbackoffice.model.customer.CreditProfile;

/** One credit assessment of the customer, as stored. */
@Embeddable
record CreditProfileValue(@Column(name = "credit_profile_date") Instant date,
		@Column(name = "credit_risk_rating") Integer riskRating, @Column(name = "credit_score") Integer score,
		@Embedded Period validFor) {

	static CreditProfileValue of(CreditProfile profile) {
		return new CreditProfileValue(profile.creditProfileDate().toInstant(), profile.creditRiskRating(),
				profile.creditScore(), Period.of(profile.validFor()));
	}

	CreditProfile toCreditProfile() {
		return new CreditProfile(this.date.atOffset(ZoneOffset.UTC), this.riskRating, this.score,
				(this.validFor != null) ? this.validFor.toTimePeriod() : null);
	}

}
