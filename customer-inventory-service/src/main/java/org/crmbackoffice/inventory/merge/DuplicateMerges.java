package org.crmbackoffice.inventory.merge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.inventory.agreement.AgreementTransfers;
import org.crmbackoffice.inventory.customer.CustomerMerges;
import org.crmbackoffice.inventory.quality.QualityFindings;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a duplicate: the steward's survivor takes over the merged customer's contact
 * media and references it lacks and all its agreements, the merged customer is closed and
 * redirects to the survivor, and the findings the duplicate caused are resolved. All of
 * it in one transaction.
 */
@Service
class DuplicateMerges {

	private final CustomerMerges customers;

	private final AgreementTransfers agreements;

	private final QualityFindings findings;

	private final Clock clock;

	DuplicateMerges(CustomerMerges customers, AgreementTransfers agreements, QualityFindings findings, Clock clock) {
		this.customers = customers;
		this.agreements = agreements;
		this.findings = findings;
		this.clock = clock;
	}

	@Transactional
	Merged merge(String mergedId, String survivorId, String note, String author) {
		UUID merged = id(mergedId, "mergedId");
		UUID survivor = id(survivorId, "survivorId");
		Instant now = this.clock.instant();
		CustomerMerges.Merge merge = this.customers.merge(merged, survivor, note, now, author);
		int agreementsMoved = this.agreements.moveAll(merged, survivor, now, author);
		String reason = "merged into " + survivor;
		this.findings.resolve(merged, List.of(), reason, author);
		this.findings.resolveDuplicatesOf(merged, reason, author);
		return new Merged(merge, agreementsMoved);
	}

	private static UUID id(String value, String field) {
		return ApiResponses.parseId(String.valueOf(value))
			.orElseThrow(() -> new ApiProblemException(ProblemType.UNKNOWN_REFERENCE,
					field + " " + value + " names no customer."));
	}

	record Merged(CustomerMerges.Merge merge, int agreementsMoved) {
	}

}
