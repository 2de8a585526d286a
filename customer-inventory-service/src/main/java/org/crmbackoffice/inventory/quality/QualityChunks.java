package org.crmbackoffice.inventory.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.inventory.contact.PhoneNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks one chunk of customers against every enabled rule and commits, in one
 * transaction, the chunk's findings with the run's progress and cursor: a run interrupted
 * at any moment resumes after its last committed chunk. The rules are set-based SQL over
 * the chunk's id range (keyset on the customer id), the phone numbers excepted, which
 * only libphonenumber can judge.
 */
@Component
class QualityChunks {

	/**
	 * Below every UUID in PostgreSQL's order: the cursor of a run that has not checked
	 * anyone yet.
	 */
	static final UUID START = new UUID(0, 0);

	private static final String UPSERT = """
			insert into quality_finding (id, version, rule, customer_id, detail_key, severity, fields, message,
			    related_customer_id, data_source, status, first_run_id, last_run_id, first_found_at, last_found_at)
			select gen_random_uuid(), 0, :rule, f.customer_id, f.detail_key, :severity, f.fields, f.message,
			       f.related_customer_id, c.data_source, 'open', :run, :run, :now, :now
			from (select distinct on (customer_id, detail_key) * from (%s)
			      as r (customer_id, detail_key, fields, message, related_customer_id)) f
			join customer c on c.id = f.customer_id
			on conflict (rule, customer_id, detail_key) do update
			set severity = excluded.severity, fields = excluded.fields, message = excluded.message,
			    related_customer_id = excluded.related_customer_id, data_source = excluded.data_source,
			    last_run_id = excluded.last_run_id, last_found_at = excluded.last_found_at,
			    version = quality_finding.version + 1,
			    -- A shortcoming found again after it was marked resolved is open again; an accepted exception stays.
			    status = case when quality_finding.status = 'resolved' then 'open' else quality_finding.status end,
			    status_reason = case when quality_finding.status = 'resolved' then null
			                         else quality_finding.status_reason end""";

	private final JdbcClient jdbc;

	private final QualityRules rules;

	private final PhoneNumbers phoneNumbers;

	private final TransactionTemplate transaction;

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
		this.clock = clock;
	}

	/**
	 * Checks the next chunk of the run, if this instance still owns it and it is still
	 * running.
	 * @return whether there is more to do
	 */
	boolean next(UUID runId, String owner, int chunkSize) {
		Integer checked = this.transaction.execute((status) -> {
			// Locks the run for the chunk: a cancel or a take-over waits for the chunk's
			// commit and then wins.
			List<Map<String, Object>> run = this.jdbc.sql("""
					select cursor_id, data_source from quality_run
					where id = :id and status = 'running' and owner = :owner for update""")
				.param("id", runId)
				.param("owner", owner)
				.query()
				.listOfRows();
			if (run.isEmpty()) {
				return 0;
			}
			// Plans for this chunk's bounds: a generic plan, made once for any bounds,
			// reads whole indexes.
			this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
			UUID after = (run.get(0).get("cursor_id") != null) ? (UUID) run.get(0).get("cursor_id") : START;
			String scope = (String) run.get(0).get("data_source");
			Instant now = this.clock.instant();
			List<UUID> ids = this.jdbc
				.sql("select c.id from customer c where " + chunkCondition(scope, false)
						+ " order by c.id limit :limit")
				.param("after", after)
				.param("scope", scope)
				.param("limit", chunkSize)
				.query(UUID.class)
				.list();
			if (ids.isEmpty()) {
				this.jdbc
					.sql("update quality_run set status = 'completed', finished_at = :now, heartbeat_at = :now "
							+ "where id = :id")
					.param("now", Timestamp.from(now))
					.param("id", runId)
					.update();
				return 0;
			}
			Map<String, Object> chunk = new HashMap<>();
			chunk.put("after", after);
			chunk.put("upto", ids.get(ids.size() - 1));
			chunk.put("scope", scope);
			chunk.put("run", runId);
			chunk.put("now", Timestamp.from(now));
			check(chunk, scope, now);
			tally(chunk, scope, ids.size());
			return ids.size();
		});
		if (checked == null || checked == 0) {
			return false;
		}
		this.checkedCustomers.increment(checked);
		return true;
	}

	private void check(Map<String, Object> chunk, String scope, Instant now) {
		String condition = chunkCondition(scope, true);
		for (QualityRule rule : this.rules.enabled()) {
			if (rule.query() == null) {
				continue;
			}
			Map<String, Object> parameters = new HashMap<>(chunk);
			parameters.put("rule", rule.id());
			parameters.put("severity", rule.severity());
			parameters.put("threshold", rule.threshold());
			parameters.put("countries", QualityRules.COUNTRIES);
			QualityRules.POST_CODE_PATTERNS
				.forEach((country, pattern) -> parameters.put("postCode" + country, pattern));
			if (rule.threshold() != null) {
				parameters.put("staleBefore",
						Timestamp.from(now.minus(Duration.ofSeconds((long) (rule.threshold() * 86400)))));
			}
			this.jdbc.sql(UPSERT.formatted(rule.query().replace("{chunk}", condition))).params(parameters).update();
		}
		checkMedia(chunk, condition);
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
	}

	/**
	 * The rules SQL cannot judge well: phone numbers (libphonenumber) and email addresses
	 * (a regular expression that costs PostgreSQL far more than Java), over the chunk's
	 * contact media read once.
	 */
	private void checkMedia(Map<String, Object> chunk, String condition) {
		QualityRule emails = this.rules.find(QualityRules.EMAIL_INVALID).filter(QualityRule::enabled).orElse(null);
		QualityRule phones = this.rules.find(QualityRules.PHONE_INVALID).filter(QualityRule::enabled).orElse(null);
		if (emails == null && phones == null) {
			return;
		}
		List<Map<String, Object>> media = this.jdbc.sql("""
				select c.id, m.position, m.medium_type, m.email_address, m.phone_number from customer c
				join customer_contact_medium m on m.customer_id = c.id
				where %s and c.status <> 'closed'""".formatted(condition)).params(chunk).query().listOfRows();
		for (Map<String, Object> medium : media) {
			String type = (String) medium.get("medium_type");
			String path = "contactMedium[" + medium.get("position") + "]";
			String email = (String) medium.get("email_address");
			if (emails != null && ("email".equals(type) || email != null)
					&& (email == null || !QualityRules.EMAIL.matcher(email).matches())) {
				record(emails, chunk, medium.get("id"), path, path + ".emailAddress",
						"email address '" + ((email != null) ? email : "") + "' is not a valid address");
			}
			String number = (String) medium.get("phone_number");
			if (phones != null && (number != null || "phone".equals(type) || "mobile".equals(type))
					&& !this.phoneNumbers.isValid(number)) {
				record(phones, chunk, medium.get("id"), path, path + ".phoneNumber", "phone number '"
						+ ((number != null) ? number : "") + "' is not an assigned number of its country");
			}
		}
	}

	private void record(QualityRule rule, Map<String, Object> chunk, Object customer, String key, String fields,
			String message) {
		Map<String, Object> parameters = new HashMap<>(chunk);
		parameters.put("rule", rule.id());
		parameters.put("severity", rule.severity());
		parameters.put("customer", customer);
		parameters.put("key", key);
		parameters.put("fields", fields);
		parameters.put("message", message);
		this.jdbc.sql(UPSERT.formatted("select cast(:customer as uuid), cast(:key as varchar), "
				+ "cast(:fields as varchar), cast(:message as varchar), null::uuid"))
			.params(parameters)
			.update();
	}

	/**
	 * Adds the chunk's findings to the run's tallies and moves its cursor: the chunk's
	 * commit is its progress.
	 */
	private void tally(Map<String, Object> chunk, String scope, int checked) {
		String ofChunk = "customer_id > :after and customer_id <= :upto" + ((scope != null)
				? " and customer_id in (select c.id from customer c where " + chunkCondition(scope, true) + ")" : "")
				+ " and last_run_id = :run and status <> 'accepted' and rule <> '" + QualityRules.MANUAL_AUDIT + "'";
		this.jdbc
			.sql("""
					insert into quality_run_tally (run_id, rule, data_source, severity, customers, findings)
					select :run, rule, coalesce(data_source, ''), min(severity), count(distinct customer_id), count(*)
					from quality_finding where %s group by rule, coalesce(data_source, '')
					on conflict (run_id, rule, data_source) do update
					set customers = quality_run_tally.customers + excluded.customers,
					    findings = quality_run_tally.findings + excluded.findings, severity = excluded.severity"""
				.formatted(ofChunk))
			.params(chunk)
			.update();
		this.jdbc.sql("""
				update quality_run r set cursor_id = :upto, checked = checked + :checked, heartbeat_at = :now,
				    findings = r.findings + f.findings, flawed_customers = r.flawed_customers + f.customers
				from (select count(*) as findings, count(distinct customer_id) as customers from quality_finding
				      where %s) f
				where r.id = :run""".formatted(ofChunk)).params(chunk).param("checked", checked).update();
	}

	/**
	 * The customers of a chunk: after the cursor, up to the chunk's last id when known,
	 * in the run's scope.
	 */
	private static String chunkCondition(String scope, boolean bounded) {
		return "c.id > :after" + (bounded ? " and c.id <= :upto" : "") + " and c.erased_at is null"
				+ ((scope != null) ? " and c.data_source = :scope" : "");
	}

}
