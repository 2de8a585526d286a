package org.crmbackoffice.inventory.usage;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Counts how the API is used, per day, principal, client and operation, in memory, and
 * adds the counts to the stored ones every {@code crm.audit.usage-flush-interval}.
 * Counting costs a request a map update; the upsert adds rather than overwrites, so every
 * instance contributes to the same rows. Like queued reads, the counts of the last
 * interval are lost on a hard crash and written on a graceful stop.
 */
@Component
public class UsageMeter implements SmartLifecycle {

	static final String UNKNOWN = "-";

	private static final String ATTRIBUTE = UsageMeter.class.getName() + ".request";

	private static final String UPSERT = """
			insert into usage_daily (day, principal, client_id, operation, requests, errors, denied, records_read,
			                         records_written, bytes_returned)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (day, principal, client_id, operation) do update set
			    requests = usage_daily.requests + excluded.requests,
			    errors = usage_daily.errors + excluded.errors,
			    denied = usage_daily.denied + excluded.denied,
			    records_read = usage_daily.records_read + excluded.records_read,
			    records_written = usage_daily.records_written + excluded.records_written,
			    bytes_returned = usage_daily.bytes_returned + excluded.bytes_returned""";

	private final JdbcTemplate jdbc;

	private final MeterRegistry meters;

	private final Clock clock;

	private Map<Key, long[]> counts = new HashMap<>();

	private int inFlight;

	private volatile boolean running;

	UsageMeter(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.clock = clock;
	}

	/** Counts records the current request read, for its usage row. */
	public static void countRead(int records) {
		RequestUsage usage = current();
		if (usage != null) {
			usage.read += records;
		}
	}

	/** Counts records the current request wrote, for its usage row. */
	public static void countWritten(int records) {
		RequestUsage usage = current();
		if (usage != null) {
			usage.written += records;
		}
	}

	private static RequestUsage current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return (request != null) ? (RequestUsage) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
	}

	RequestUsage started(HttpServletRequest request) {
		RequestUsage usage = new RequestUsage();
		request.setAttribute(ATTRIBUTE, usage);
		synchronized (this) {
			this.inFlight++;
		}
		return usage;
	}

	void completed(RequestUsage usage, String principal, String clientId, String operation, int status, long bytes) {
		try {
			count(usage, principal, clientId, operation, status, bytes);
		}
		finally {
			synchronized (this) {
				this.inFlight--;
				notifyAll();
			}
		}
	}

	private void count(RequestUsage usage, String principal, String clientId, String operation, int status,
			long bytes) {
		boolean error = status >= 400;
		Counter.builder("crm.inventory.requests")
			.description("Requests to the inventory's API")
			.tag("operation", operation)
			.tag("outcome", error ? "error" : "success")
			.register(this.meters)
			.increment();
		if (usage.read > 0) {
			Counter.builder("crm.inventory.records.read")
				.description("Customer records served or downloaded")
				.tag("operation", operation)
				.register(this.meters)
				.increment(usage.read);
		}
		Key key = new Key(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC), principal, clientId, operation);
		synchronized (this) {
			long[] row = this.counts.computeIfAbsent(key, (absent) -> new long[6]);
			row[0]++;
			row[1] += error ? 1 : 0;
			row[2] += (status == 401 || status == 403) ? 1 : 0;
			row[3] += usage.read;
			row[4] += usage.written;
			row[5] += bytes;
		}
	}

	/** Adds this instance's counts to the stored ones. */
	@Scheduled(fixedDelayString = "${crm.audit.usage-flush-interval:PT10S}")
	void write() {
		Map<Key, long[]> taken;
		synchronized (this) {
			taken = this.counts;
			this.counts = new HashMap<>();
		}
		if (taken.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(taken.size());
		taken.forEach((key, row) -> rows.add(new Object[] { Date.valueOf(key.day()), key.principal(), key.clientId(),
				key.operation(), row[0], row[1], row[2], row[3], row[4], row[5] }));
		try {
			this.jdbc.batchUpdate(UPSERT, rows);
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				taken.forEach((key, row) -> {
					long[] kept = this.counts.computeIfAbsent(key, (absent) -> new long[6]);
					for (int i = 0; i < row.length; i++) {
						kept[i] += row[i];
					}
				});
			}
			throw ex;
		}
	}

	/**
	 * Waits for the requests under way to complete, and writes their counts with all
	 * others.
	 */
	public void flush() {
		synchronized (this) {
			while (this.inFlight > 0) {
				try {
					wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for requests to complete", ex);
				}
			}
		}
		write();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Writes the last counts after the web server stopped taking requests. */
	@Override
	public void stop() {
		this.running = false;
		write();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record Key(LocalDate day, String principal, String clientId, String operation) {
	}

	/** What one request read and wrote, counted while it runs. */
	static final class RequestUsage {

		private int read;

		private int written;

	}

}
