package org.crmbackoffice.inventory.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.inventory.contact.PhoneNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through a run in chunks of customer id ranges, which the run's first worker
 * plans: each worker of any instance claims the next chunk, checks it against every
 * enabled rule and commits, in one transaction, the chunk's findings, the chunk done and
 * the run's progress. A run interrupted at any moment resumes with the chunks not done; a
 * claim whose worker stopped is taken over once older than
 * {@code crm.quality.stale-after}. The rules are set-based SQL over the chunk's id range,
 * the phone numbers excepted, which only libphonenumber can judge.
 */
@Component
class QualityChunks {

	/**
	 * Below every UUID in PostgreSQL's order: the cursor of a run that has not checked
	 * anyone yet.
	 */
	static final UUID START = new UUID(0, 0);

	/**
	 * Above every UUID in PostgreSQL's order: the last chunk's end, so that it takes in
	 * customers created after the run started, and the cursor of a run whose chunks are
	 * planned.
	 */
	static final UUID END = new UUID(-1, -1);

	/**
	 * All rules over one chunk in one statement: the chunk's customers, their parties and
	 * contact media are read once, and every rule reads them from there. The customers go
	 * by their ids, which PostgreSQL counts right; it takes a range of UUIDs for a row or
	 * two, and would join the thousand by nested loops. The findings written are counted
	 * into the run's tallies as they come back from the upsert, and their totals answer
	 * the statement, rather than read again from quality_finding. Workers committing
	 * chunks at once lock the tallies in one order, so that neither waits for the
	 * other's.
	 */
	private static final String UPSERT = """
			with chunk_customer as materialized (select c.* from customer c where c.id = any (cast(:ids as uuid[]))),
			chunk_party as materialized (select p.* from party p where p.id in (select party_id from chunk_customer)),
			chunk_medium as materialized (select m.* from customer_contact_medium m
			    where m.customer_id = any (cast(:ids as uuid[]))),
			written as (insert into quality_finding (id, version, rule, customer_id, detail_key, severity, fields, message,
			    related_customer_id, data_source, status, first_run_id, last_run_id, first_found_at, last_found_at)
			select gen_random_uuid(), 0, f.rule, f.customer_id, f.detail_key, f.severity, f.fields, f.message,
			       f.related_customer_id, c.data_source, 'open', :run, :run, :now, :now
			from (select distinct on (rule, customer_id, detail_key) * from (%s)
			      as r (rule, severity, customer_id, detail_key, fields, message, related_customer_id)) f
			join chunk_customer c on c.id = f.customer_id
			on conflict (rule, customer_id, detail_key) do update
			set severity = excluded.severity, fields = excluded.fields, message = excluded.message,
			    related_customer_id = excluded.related_customer_id, data_source = excluded.data_source,
			    last_run_id = excluded.last_run_id, last_found_at = excluded.last_found_at,
			    version = quality_finding.version + 1,
			    -- A shortcoming found again after it was marked resolved is open again; an accepted exception stays.
			    status = case when quality_finding.status = 'resolved' then 'open' else quality_finding.status end,
			    status_reason = case when quality_finding.status = 'resolved' then null
			                         else quality_finding.status_reason end
			returning rule, customer_id, severity, data_source, status),
			-- An exception a steward accepted is no shortcoming of the run's.
			counted as (select * from written where status <> 'accepted'),
			tallied as (insert into quality_run_tally (run_id, rule, data_source, severity, customers, findings)
			    select :run, rule, coalesce(data_source, ''), min(severity), count(distinct customer_id), count(*)
			    from counted group by rule, coalesce(data_source, '') order by rule, coalesce(data_source, '')
			    on conflict (run_id, rule, data_source) do update
			    set customers = quality_run_tally.customers + excluded.customers,
			        findings = quality_run_tally.findings + excluded.findings, severity = excluded.severity)
			select count(*) as findings, count(distinct customer_id) as customers from counted""";

	private final JdbcClient jdbc;

	private final QualityRules rules;

	private final PhoneNumbers phoneNumbers;

	private final TransactionTemplate transaction;

	/** Transactions of their own, beside the one the caller may hold. */
	private final TransactionTemplate separately;

	private final Clock clock;

	private final Counter checkedCustomers;

	QualityChunks(JdbcClient jdbc, QualityRules rules, PhoneNumbers phoneNumbers, TransactionTemplate transaction,
			Clock clock, MeterRegistry meters) {
		this.checkedCustomers = Counter.builder("crm.quality.customers.checked")
			.description("Customers checked by data-quality runs on this instance")
			.register(meters);
		this.jdbc = jdbc;
		this.rules = rules;
		this.phoneNumbers = phoneNumbers;
		this.transaction = transaction;
		this.separately = new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Splits what remains of the run after its cursor into chunks, once: the first
	 * instance plans, the others wait for its commit and find the chunks planned. Brings
	 * the blocks of customers born the same day up to date too, when the rule comparing
	 * them is enabled.
	 * @param fillers how many threads fill the blocks at once, each on a connection of
	 * its own besides the plan's
	 */
	void plan(UUID runId, int chunkSize, int fillers) {
		Boolean refreshed = this.transaction.execute((status) -> {
			List<Map<String, Object>> run = this.jdbc.sql("""
					select cursor_id, data_source from quality_run where id = :id and status = 'running' for update""")
				.param("id", runId)
				.query()
				.listOfRows();
			if (run.isEmpty() || END.equals(run.get(0).get("cursor_id"))) {
				return false;
			}
			UUID after = (run.get(0).get("cursor_id") != null) ? (UUID) run.get(0).get("cursor_id") : START;
			String scope = (String) run.get(0).get("data_source");
			this.jdbc.sql("""
					insert into quality_chunk (run_id, after_id, upto_id)
					select :run, coalesce(lag(upto) over (order by upto), :after), upto
					from (select id as upto from (select c.id, row_number() over (order by c.id) as n from customer c
					                              where %s) ids where n %% :size = 0
					      union all select :end) bounds""".formatted(chunkCondition(scope, false)))
				.param("run", runId)
				.param("after", after)
				.param("scope", scope)
				.param("size", chunkSize)
				.param("end", END)
				.update();
			boolean blocksChanged = similarNames().isPresent() && refreshBirthBlocks(fillers);
			// Planning ten million customers takes minutes with the run's row locked: a
			// fresh heartbeat keeps an instance waiting to take over a stale run from
			// taking this one once it commits.
			this.jdbc.sql("update quality_run set cursor_id = :end, heartbeat_at = :now where id = :id")
				.param("end", END)
				.param("now", Timestamp.from(this.clock.instant()))
				.param("id", runId)
				.update();
			return blocksChanged;
		});
		if (Boolean.TRUE.equals(refreshed)) {
			// Clears the rows taken out of the table and its trigram index, and gives the
			// planner the blocks' new numbers.
			this.jdbc.sql("vacuum (analyze) quality_birth_block").update();
		}
	}

	/**
	 * Brings the blocks of open customers born the same day up to date by difference: out
	 * go the rows whose customer is no longer open or has another name or birth date now,
	 * in come the open customers without a row. A million unchanged customers cost two
	 * hash joins, where filling their trigram index again took most of a minute. Each
	 * step commits on its own, so that the rows going out are gone before the fillers
	 * look for customers without a row; the plan's lock on the run keeps a second plan
	 * out, and an interrupted refresh is finished by the next.
	 * @return whether any row changed
	 */
	private boolean refreshBirthBlocks(int fillers) {
		Integer out = this.separately.execute((status) -> this.jdbc.sql("""
				delete from quality_birth_block b where not exists (
				    select 1 from customer c join party p on p.id = c.party_id
				    where c.id = b.customer_id and c.status <> 'closed' and c.erased_at is null
				      and p.birth_date = b.birth_date and c.name_normalized = b.name_normalized)""").update());
		// PostgreSQL fills a trigram index row by row on one core: the birth dates are
		// dealt out to several fillers, each inserting its dates in order, so that a
		// block's rows share a page or two.
		AtomicInteger named = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(fillers,
				(task) -> new Thread(task, "quality-blocks-" + named.incrementAndGet()));
		try {
			List<Future<Integer>> slices = new ArrayList<>();
			for (int i = 0; i < fillers; i++) {
				int slice = i;
				slices.add(threads.submit(() -> this.separately.execute((status) -> this.jdbc.sql("""
						insert into quality_birth_block (customer_id, birth_date, name_normalized)
						select c.id, p.birth_date, c.name_normalized from customer c join party p on p.id = c.party_id
						where c.status <> 'closed' and c.erased_at is null and p.birth_date is not null
						  and mod(abs(p.birth_date - date '2000-01-01'), :fillers) = :slice
						  and not exists (select 1 from quality_birth_block b where b.customer_id = c.id)
						order by p.birth_date
						on conflict (customer_id) do nothing""")
					.param("fillers", fillers)
					.param("slice", slice)
					.update())));
			}
			int in = 0;
			for (Future<Integer> slice : slices) {
				in += slice.get();
			}
			if (in > 0) {
				// A customer erased while the fillers ran may have been read before the
				// erasure and inserted after its trigger found no row to delete.
				this.separately.execute((status) -> this.jdbc.sql("""
						delete from quality_birth_block b using customer c
						where c.id = b.customer_id and c.erased_at is not null""").update());
			}
			return out + in > 0;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while filling the birth-date blocks", ex);
		}
		finally {
			threads.shutdown();
		}
	}

	/**
	 * The rule comparing names within birth-date blocks, if enabled: planning keeps the
	 * blocks for it, and each chunk's statement searches them at its threshold.
	 */
	private Optional<QualityRule> similarNames() {
		return this.rules.find(QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).filter(QualityRule::enabled);
	}

	/**
	 * Claims the run's first chunk that is neither done nor worked on: not claimed, or
	 * claimed longer than {@code staleBefore} ago by a worker that holds it no more.
	 * @return the chunk, if any is left to claim
	 */
	Optional<Chunk> claim(UUID runId, String owner, Instant staleBefore) {
		return this.transaction.execute((status) -> this.jdbc.sql("""
				with next as (
				    select k.run_id, k.upto_id, k.owner from quality_chunk k join quality_run r on r.id = k.run_id
				    where k.run_id = :run and r.status = 'running' and k.done_at is null
				      and (k.owner is null or k.claimed_at < :staleBefore)
				    order by k.upto_id limit 1 for update of k skip locked)
				update quality_chunk k set owner = :owner, claimed_at = :now
				from next where k.run_id = next.run_id and k.upto_id = next.upto_id
				returning k.after_id, k.upto_id, next.owner as previous""")
			.param("run", runId)
			.param("staleBefore", Timestamp.from(staleBefore))
			.param("owner", owner)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new Chunk(runId, rs.getObject("after_id", UUID.class),
					rs.getObject("upto_id", UUID.class), rs.getString("previous")))
			.optional());
	}

	/**
	 * Checks a chunk this worker claimed and commits it done with the run's progress,
	 * unless another worker took the claim over or the run stopped running meanwhile.
	 * @return whether the run is still running
	 */
	boolean check(Chunk claimed, String owner) {
		Integer checked = this.transaction.execute((status) -> {
			// Holds the claim for the chunk's transaction: no other worker takes it over
			// while it is worked on, however long that takes.
			List<Map<String, Object>> chunkRow = this.jdbc.sql("""
					select r.data_source from quality_chunk k join quality_run r on r.id = k.run_id
					where k.run_id = :run and k.upto_id = :upto and k.owner = :owner and k.done_at is null
					for update of k""")
				.param("run", claimed.runId())
				.param("upto", claimed.upto())
				.param("owner", owner)
				.query()
				.listOfRows();
			if (chunkRow.isEmpty()) {
				return 0;
			}
			// Plans for this chunk's bounds: a generic plan, made once for any bounds,
			// reads whole indexes.
			this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
			// The statement over the chunk costs more than JIT's threshold on paper, but
			// runs in a fraction of the time JIT takes to compile it.
			this.jdbc.sql("set local jit = off").update();
			similarNames().ifPresent(
					(rule) -> this.jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
						.param("threshold", rule.threshold().toString())
						.query()
						.singleValue());
			String scope = (String) chunkRow.get(0).get("data_source");
			Instant now = this.clock.instant();
			Map<String, Object> chunk = new HashMap<>();
			chunk.put("after", claimed.after());
			chunk.put("upto", claimed.upto());
			chunk.put("scope", scope);
			chunk.put("run", claimed.runId());
			chunk.put("now", Timestamp.from(now));
			List<String> ids = new ArrayList<>();
			List<String> open = new ArrayList<>();
			this.jdbc.sql("select c.id::text, c.status from customer c where " + chunkCondition(scope, true))
				.params(chunk)
				.query((rs) -> {
					ids.add(rs.getString(1));
					if (!"closed".equals(rs.getString(2))) {
						open.add(rs.getString(1));
					}
				});
			chunk.put("ids", ids.toArray(String[]::new));
			chunk.put("openIds", open.toArray(String[]::new));
			int customers = ids.size();
			Tally found = check(chunk, scope, now);
			this.jdbc.sql("update quality_chunk set done_at = :now where run_id = :run and upto_id = :upto")
				.params(chunk)
				.update();
			if (!progress(chunk, customers, found)) {
				// Cancelled while the chunk was checked: the cancel wins.
				status.setRollbackOnly();
				return -1;
			}
			return customers;
		});
		if (checked == null || checked < 0) {
			return false;
		}
		this.checkedCustomers.increment(checked);
		return true;
	}

	/**
	 * Completes the run once all its chunks are done. Every worker asks after its last
	 * commit, so the one that commits the last chunk completes it.
	 */
	void completeIfDone(UUID runId) {
		this.jdbc.sql("""
				update quality_run set status = 'completed', finished_at = :now, heartbeat_at = :now
				where id = :id and status = 'running' and cursor_id = :end
				  and not exists (select 1 from quality_chunk where run_id = :id and done_at is null)""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", runId)
			.param("end", END)
			.update();
	}

	/**
	 * Writes the chunk's findings, counted into the run's tallies, and resolves what
	 * earlier runs found there and this one did not.
	 * @return how many findings, of how many customers, count for the run
	 */
	private Tally check(Map<String, Object> chunk, String scope, Instant now) {
		String condition = chunkCondition(scope, true);
		Map<String, Object> parameters = new HashMap<>(chunk);
		parameters.put("countries", QualityRules.COUNTRIES);
		QualityRules.POST_CODE_PATTERNS.forEach((country, pattern) -> parameters.put("postCode" + country, pattern));
		List<String> branches = new ArrayList<>();
		List<QualityRule> enabled = this.rules.enabled();
		for (int i = 0; i < enabled.size(); i++) {
			QualityRule rule = enabled.get(i);
			if (rule.query() == null) {
				continue;
			}
			parameters.put("rule" + i, rule.id());
			parameters.put("severity" + i, rule.severity());
			parameters.put("threshold" + i, rule.threshold());
			if (rule.threshold() != null) {
				parameters.put("staleBefore" + i,
						Timestamp.from(now.minus(Duration.ofSeconds((long) (rule.threshold() * 86400)))));
			}
			branches
				.add("select cast(:rule%1$d as varchar), cast(:severity%1$d as varchar), r.* from (%2$s) r".formatted(i,
						rule.query()
							.replace(":threshold", ":threshold" + i)
							.replace(":staleBefore", ":staleBefore" + i)));
		}
		Findings media = checkMedia(chunk);
		if (!media.customers.isEmpty()) {
			parameters.put("mediaRules", media.rules.toArray(String[]::new));
			parameters.put("mediaSeverities", media.severities.toArray(String[]::new));
			parameters.put("mediaCustomers", media.customers.toArray(String[]::new));
			parameters.put("mediaKeys", media.keys.toArray(String[]::new));
			parameters.put("mediaFields", media.fields.toArray(String[]::new));
			parameters.put("mediaMessages", media.messages.toArray(String[]::new));
			branches
				.add("""
						select f.rule, f.severity, f.customer::uuid, f.key, f.fields, f.message, null::uuid
						from unnest(cast(:mediaRules as text[]), cast(:mediaSeverities as text[]),
						            cast(:mediaCustomers as text[]), cast(:mediaKeys as text[]), cast(:mediaFields as text[]),
						            cast(:mediaMessages as text[])) as f (rule, severity, customer, key, fields, message)""");
		}
		Tally found = branches.isEmpty() ? new Tally(0, 0)
				: this.jdbc.sql(UPSERT.formatted(String.join("\nunion all\n", branches)))
					.params(parameters)
					.query((rs, row) -> new Tally(rs.getLong("findings"), rs.getLong("customers")))
					.single();
		// What an earlier run found and this one did not is fixed, for the rules this run
		// checked.
		this.jdbc.sql("""
				update quality_finding set status = 'resolved', status_reason = 'not found again by run ' || :run,
				    status_changed_by = 'quality-audit', status_changed_at = :now, version = version + 1
				where customer_id > :after and customer_id <= :upto
				  and customer_id in (select c.id from customer c where %s) and status = 'open'
				  and last_run_id is distinct from :run and rule in (:rules)""".formatted(condition))
			.params(chunk)
			.param("rules", this.rules.enabled().stream().map(QualityRule::id).toList())
			.update();
		return found;
	}

	/**
	 * The rules SQL cannot judge well: phone numbers (libphonenumber) and email addresses
	 * (a regular expression that costs PostgreSQL far more than Java), over the chunk's
	 * contact media read once.
	 */
	private Findings checkMedia(Map<String, Object> chunk) {
		Findings found = new Findings();
		QualityRule emails = this.rules.find(QualityRules.EMAIL_INVALID).filter(QualityRule::enabled).orElse(null);
		QualityRule phones = this.rules.find(QualityRules.PHONE_INVALID).filter(QualityRule::enabled).orElse(null);
		if (emails == null && phones == null) {
			return found;
		}
		// By the open customers' ids, as the chunk's statement reads them: a range of
		// customers would be joined to their media one by one.
		List<Map<String, Object>> media = this.jdbc.sql("""
				select m.customer_id as id, m.position, m.medium_type, m.email_address, m.phone_number
				from customer_contact_medium m where m.customer_id = any (cast(:openIds as uuid[]))""")
			.params(chunk)
			.query()
			.listOfRows();
		for (Map<String, Object> medium : media) {
			String type = (String) medium.get("medium_type");
			String path = "contactMedium[" + medium.get("position") + "]";
			String email = (String) medium.get("email_address");
			if (emails != null && ("email".equals(type) || email != null)
					&& (email == null || !QualityRules.EMAIL.matcher(email).matches())) {
				found.add(emails, medium.get("id"), path, path + ".emailAddress",
						"email address '" + ((email != null) ? email : "") + "' is not a valid address");
			}
			String number = (String) medium.get("phone_number");
			if (phones != null && (number != null || "phone".equals(type) || "mobile".equals(type))
					&& !this.phoneNumbers.isValid(number)) {
				found.add(phones, medium.get("id"), path, path + ".phoneNumber", "phone number '"
						+ ((number != null) ? number : "") + "' is not an assigned number of its country");
			}
		}
		return found;
	}

	/**
	 * Adds the chunk's findings to the run's progress: the chunk's commit is its
	 * progress.
	 * @return false if the run is no longer running
	 */
	private boolean progress(Map<String, Object> chunk, int checked, Tally found) {
		return this.jdbc.sql("""
				update quality_run set checked = checked + :checked, heartbeat_at = :now,
				    findings = findings + :findings, flawed_customers = flawed_customers + :customers
				where id = :run and status = 'running'""")
			.params(chunk)
			.param("checked", checked)
			.param("findings", found.findings())
			.param("customers", found.customers())
			.update() > 0;
	}

	/**
	 * The customers of a chunk: after the cursor, up to the chunk's last id when known,
	 * in the run's scope.
	 */
	private static String chunkCondition(String scope, boolean bounded) {
		return "c.id > :after" + (bounded ? " and c.id <= :upto" : "") + " and c.erased_at is null"
				+ ((scope != null) ? " and c.data_source = :scope" : "");
	}

	/**
	 * A chunk claimed by a worker.
	 *
	 * @param previous the worker that claimed it before and stopped, if any
	 */
	record Chunk(UUID runId, UUID after, UUID upto, String previous) {
	}

	/** How many findings, of how many customers, a chunk adds to its run. */
	private record Tally(long findings, long customers) {
	}

	/** What Java found in a chunk, column by column. */
	private static final class Findings {

		private final List<String> rules = new ArrayList<>();

		private final List<String> severities = new ArrayList<>();

		private final List<String> customers = new ArrayList<>();

		private final List<String> keys = new ArrayList<>();

		private final List<String> fields = new ArrayList<>();

		private final List<String> messages = new ArrayList<>();

		void add(QualityRule rule, Object customer, String key, String fields, String message) {
			this.rules.add(rule.id());
			this.severities.add(rule.severity());
			this.customers.add(customer.toString());
			this.keys.add(key);
			this.fields.add(fields);
			this.messages.add(message);
		}

	}

}
