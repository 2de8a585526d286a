package org.crmbackoffice.inventory.agreement;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.agreement.TermOrCondition;

/** One term or condition of an agreement, as stored. */
@Embeddable
record TermValue(@Column(name = "description") String description, @Column(name = "valid_from") Instant validFrom,
		@Column(name = "valid_to") Instant validTo) {

	static TermValue of(TermOrCondition term) {
		return new TermValue(term.description(), Instants.startOf(term.validFor()), Instants.endOf(term.validFor()));
	}

	TermOrCondition toTermOrCondition() {
		return new TermOrCondition(this.description, Instants.period(this.validFrom, this.validTo));
	}

}
