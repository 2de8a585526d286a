package org.crmbackoffice.inventory.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmbackoffice.inventory.usage.UsageMeter;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.CurrentCaller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the features of the inventory record who accessed which customer record, for what
 * and how. Reads are recorded on their way out by the audit feature itself
 * ({@link AuditedReads}); features call {@link #recordWrite} in the transaction of each
 * change, so that a change and its entry commit or roll back together and no committed
 * change goes unrecorded.
 */
@Component
public class AuditTrail {

	public static final String CUSTOMER_READ = "customer.read";

	public static final String CUSTOMER_LIST = "customer.list";

	public static final String CUSTOMER_CREATE = "customer.create";

	public static final String CUSTOMER_UPDATE = "customer.update";

	public static final String CUSTOMER_STATE_CHANGE = "customer.state-change";

	public static final String CUSTOMER_ERASE = "customer.erase";

	public static final String CUSTOMER_EXPORT = "customer.export";

	public static final String PARTY_READ = "party.read";

	public static final String PARTY_LIST = "party.list";

	public static final String PARTY_CREATE = "party.create";

	public static final String PARTY_UPDATE = "party.update";

	public static final String PARTY_STATE_CHANGE = "party.state-change";

	public static final String PARTY_ERASE = "party.erase";

	public static final String AGREEMENT_READ = "agreement.read";

	public static final String AGREEMENT_LIST = "agreement.list";

	public static final String AGREEMENT_CREATE = "agreement.create";

	public static final String AGREEMENT_UPDATE = "agreement.update";

	public static final String AGREEMENT_STATE_CHANGE = "agreement.state-change";

	private final AuditChains chains;

	private final ReadRecorder reads;

	private final UsageMeter usage;

	private final CurrentCaller caller;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean readsRecorded;

	AuditTrail(AuditChains chains, ReadRecorder reads, UsageMeter usage, CurrentCaller caller, JsonMapper json,
			Clock clock, AuditProperties properties) {
		this.chains = chains;
		this.reads = reads;
		this.usage = usage;
		this.caller = caller;
		this.json = json;
		this.clock = clock;
		this.readsRecorded = properties.reads();
	}

	/**
	 * Records that the current caller read these customers' records: one entry each,
	 * committed when this returns.
	 */
	public void recordRead(Collection<UUID> customerIds, String operation) {
		recordReads(Map.of(operation, customerIds.stream().map((id) -> new Read(id, null)).toList()));
	}

	/**
	 * Records the reads of one answer, by operation, and returns once their entries are
	 * committed.
	 * @throws ApiProblemException 503 when they cannot be committed in time: the answer
	 * must not leave then
	 */
	void recordReads(Map<String, List<Read>> readsByOperation) {
		int count = readsByOperation.values().stream().mapToInt(List::size).sum();
		if (count == 0) {
			return;
		}
		UsageMeter.countRead(count);
		if (!this.readsRecorded) {
			return;
		}
		Accessor accessor = Accessor.of(this.caller.get());
		Instant now = this.clock.instant();
		List<AuditEntry> entries = new ArrayList<>(count);
		readsByOperation.forEach((operation, reads) -> {
			for (Read read : reads) {
				entries.add(accessor.entry(now, operation, read.customerId(), read.via(), null));
			}
		});
		this.reads.record(entries);
	}

	/**
	 * Records the customer records a live event stream sends as reads by the caller who
	 * opened it. Called on the request that opens the stream, where who reads, from where
	 * and why are known; what it returns records a batch of reads from another thread and
	 * returns once their entries are committed.
	 */
	public Consumer<List<Read>> streamedReads() {
		Accessor accessor = Accessor.of(this.caller.get());
		return (reads) -> {
			if (reads.isEmpty() || !this.readsRecorded) {
				return;
			}
			Instant now = this.clock.instant();
			this.reads.record(reads.stream()
				.map((read) -> accessor.entry(now, CUSTOMER_READ, read.customerId(), read.via(), null))
				.toList());
		};
	}

	/**
	 * Records a write to a customer's record by the current caller, with what it changed,
	 * in the caller's transaction.
	 * @param before the record before, {@code null} for a create
	 * @param after the record after; {@code null} with {@code before} for an export,
	 * which changes nothing
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWrite(UUID customerId, String operation, Object before, Object after) {
		recordWrite(customerId, null, operation, before, after);
	}

	/**
	 * @param via the part of the customer's record that was written, e.g.
	 * {@code Agreement/<id>}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWrite(UUID customerId, String via, String operation, Object before, Object after) {
		if (operation.equals(CUSTOMER_EXPORT)) {
			UsageMeter.countRead(1);
		}
		else {
			UsageMeter.countWritten(1);
		}
		Accessor accessor = Accessor.of(this.caller.get());
		this.chains.append(AuditChains.CHANGE, List.of(accessor.entry(this.clock.instant(), operation, customerId, via,
				ChangeDiff.of(this.json, before, after))));
	}

	/**
	 * Writes everything recorded so far: queued reads and this instance's usage counters.
	 * For tests and for anything that must see the trail complete up to now.
	 */
	public void flush() {
		this.usage.flush();
		this.reads.flush();
	}

	/**
	 * A read of a customer's record, directly or through one of its parts.
	 *
	 * @param via what it went out in, e.g. {@code Agreement/<id>}, or {@code null} for
	 * the record itself
	 */
	public record Read(UUID customerId, String via) {
	}

}
