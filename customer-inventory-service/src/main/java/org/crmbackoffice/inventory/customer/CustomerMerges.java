package org.crmbackoffice.inventory.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.inventory.party.PartyRecords;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate customer record into the one that survives it, and remembers the
 * merge so that the merged id keeps leading to the survivor. Records in other services
 * (interactions) keep the merged id; they reach the survivor through the redirect the
 * merged customer's address answers with. The callers check permissions.
 */
@Component
@Transactional(readOnly = true)
public class CustomerMerges {

	private final CustomerRepository customers;

	private final AgreementRefs agreements;

	private final CustomerEvents events;

	private final JdbcClient jdbc;

	private final PartyRecords parties;

	CustomerMerges(CustomerRepository customers, AgreementRefs agreements, CustomerEvents events, JdbcClient jdbc,
			PartyRecords parties) {
		this.customers = customers;
		this.parties = parties;
		this.agreements = agreements;
		this.events = events;
		this.jdbc = jdbc;
	}

	/**
	 * Moves what the survivor lacks from the merged record to it, closes the merged one
	 * with the status reason {@code merged into <survivor id>} and records the merge. The
	 * agreements are the caller's to move.
	 * @throws ApiProblemException 404 for an unknown customer, 409 when the two are the
	 * same, either is erased, the survivor is closed or the merged one was closed already
	 */
	@Transactional
	public Merge merge(UUID mergedId, UUID survivorId, String note, Instant now, String author) {
		if (mergedId.equals(survivorId)) {
			throw new ApiProblemException(ProblemType.CONFLICT, "A customer cannot be merged into itself.");
		}
		CustomerEntity merged = existing(mergedId);
		CustomerEntity survivor = existing(survivorId);
		String closed = CustomerStatus.CLOSED.value();
		if (merged.erasedAt() != null || survivor.erasedAt() != null) {
			throw new ApiProblemException(ProblemType.CONFLICT, "Erased customers cannot be merged.");
		}
		if (closed.equals(survivor.status())) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Customer " + survivorId + " is closed and cannot take over another record.");
		}
		if (closed.equals(merged.status())) {
			throw new ApiProblemException(ProblemType.CONFLICT, "Customer " + mergedId + " is closed already.");
		}
		List<EntityRef> survivorAgreements = this.agreements.of(survivorId);
		List<EntityRef> mergedAgreements = this.agreements.of(mergedId);
		Customer survivorBefore = CustomerMapper.toResource(survivor, survivorAgreements);
		Customer mergedBefore = CustomerMapper.toResource(merged, mergedAgreements);
		int[] moved = merged.mergeInto(survivor, now, author);
		this.customers.flush();
		// Two records of one person usually engage two parties of it: their
		// identifications join too.
		int identificationsMoved = (merged.partyId() != null && survivor.partyId() != null)
				? this.parties.mergeIdentifications(merged.partyId(), survivor.partyId(), author) : 0;
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into customer_merge (id, merged_id, survivor_id, merged_by, merged_at, note)
				values (:id, :merged, :survivor, :author, :now, :note)""")
			.param("id", id)
			.param("merged", mergedId)
			.param("survivor", survivorId)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.param("note", note)
			.update();
		this.events.changed(survivorBefore, CustomerMapper.toResource(survivor, survivorAgreements));
		this.events.changed(mergedBefore, CustomerMapper.toResource(merged, mergedAgreements));
		return new Merge(id, mergedId, survivorId, author, now, note, moved[0], moved[1],
				moved[2] + identificationsMoved);
	}

	/**
	 * @return the merge, or empty if there is none with this id
	 */
	public Optional<Merge> find(UUID id) {
		return this.jdbc
			.sql("select id, merged_id, survivor_id, merged_by, merged_at, note from customer_merge "
					+ "where id = :id")
			.param("id", id)
			.query((rs, row) -> new Merge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), -1,
					-1, -1))
			.optional();
	}

	/**
	 * @return the customer a merged one lives on in, or empty if it was never merged
	 */
	public Optional<UUID> survivorOf(UUID mergedId) {
		return this.jdbc.sql("select survivor_id from customer_merge where merged_id = :id")
			.param("id", mergedId)
			.query(UUID.class)
			.optional();
	}

	private CustomerEntity existing(UUID id) {
		return this.customers.findById(id).orElseThrow(() -> ApiProblemException.notFound("customer", id.toString()));
	}

	/**
	 * A merge of two customer records.
	 *
	 * @param contactMediaMoved how many contact media moved to the survivor; -1 when read
	 * back later
	 * @param referencesMoved how many accounts, payment methods and related parties
	 * moved; -1 when read back later
	 * @param partyDetailsMoved how many identifications (from the merged record's party
	 * to the survivor's), characteristics and credit profiles moved; -1 when read back
	 * later
	 */
	public record Merge(UUID id, UUID mergedId, UUID survivorId, String mergedBy, Instant mergedAt, String note,
			int contactMediaMoved, int referencesMoved, int partyDetailsMoved) {
	}

}
