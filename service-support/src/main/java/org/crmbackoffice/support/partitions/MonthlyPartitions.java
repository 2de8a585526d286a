package org.crmbackoffice.support.partitions;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partitions of one table range-partitioned by a timestamp, one per calendar month in
 * UTC, each named {@code
 *
<table>
 * _YYYY_MM}. Months are created ahead of time, so a row never finds its month missing,
 * and listed with their ranges, so that retention can drop a month whose every row has
 * expired. Call inside a transaction.
 */
public class MonthlyPartitions {

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

	private final JdbcTemplate jdbc;

	private final String table;

	private final Pattern names;

	private final String storageParameters;

	/**
	 * @param table the partitioned table, a plain lowercase name
	 */
	public MonthlyPartitions(JdbcTemplate jdbc, String table) {
		this(jdbc, table, "");
	}

	/**
	 * @param table the partitioned table, a plain lowercase name
	 * @param storageParameters what each month's table is created {@code with}, e.g.
	 * {@code autovacuum_vacuum_threshold = 10000}; a partitioned table holds none to pass
	 * on
	 */
	public MonthlyPartitions(JdbcTemplate jdbc, String table, String storageParameters) {
		if (!table.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain table name: " + table);
		}
		if (!storageParameters.matches("|[a-z_]+ = [0-9.]+(, [a-z_]+ = [0-9.]+)*")) {
			throw new IllegalArgumentException("Not a list of numeric storage parameters: " + storageParameters);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.names = Pattern.compile(Pattern.quote(table) + "_(\\d{4})_(\\d{2})");
		this.storageParameters = storageParameters;
	}

	public String table() {
		return this.table;
	}

	/**
	 * Creates the partitions of the months from {@code first} through {@code last} that
	 * do not exist yet.
	 * @return the partitions created, oldest first
	 */
	public List<Partition> create(YearMonth first, YearMonth last) {
		List<Partition> existing = list();
		List<Partition> created = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			Partition partition = partition(month);
			if (existing.stream().noneMatch((present) -> present.month().equals(partition.month()))) {
				this.jdbc.execute("create table " + partition.name() + " partition of " + this.table
						+ " for values from ('" + partition.from() + "') to ('" + partition.to() + "')"
						+ (this.storageParameters.isEmpty() ? "" : " with (" + this.storageParameters + ")"));
				created.add(partition);
			}
		}
		return created;
	}

	/** The table's monthly partitions, oldest first. */
	public List<Partition> list() {
		List<Partition> partitions = new ArrayList<>();
		for (String name : this.jdbc.queryForList("""
				select child.relname from pg_inherits
				join pg_class child on child.oid = pg_inherits.inhrelid
				where pg_inherits.inhparent = ?::regclass""", String.class, this.table)) {
			Matcher matcher = this.names.matcher(name);
			if (matcher.matches()) {
				partitions.add(partition(
						YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))));
			}
		}
		partitions.sort(Comparator.comparing(Partition::month));
		return partitions;
	}

	/**
	 * Detaches a partition, if it is attached: its rows leave the table with it. It takes
	 * the table's exclusive lock for a moment, so it waits for no longer than the
	 * transaction's lock timeout. The detached table stays until {@link #dropDetached()}.
	 */
	public void detach(Partition partition) {
		if (list().contains(partition)) {
			this.jdbc.execute("alter table " + this.table + " detach partition " + partition.name());
		}
	}

	/**
	 * Drops the months detached before, whose files PostgreSQL removes as the drop
	 * commits: a second or more for a month of gigabytes. Call it outside the transaction
	 * that detached them, so that the table is not locked meanwhile; months detached by a
	 * process that died before dropping them are dropped too.
	 * @return the tables dropped
	 */
	public List<String> dropDetached() {
		List<String> detached = this.jdbc.queryForList("""
				select relname::text from pg_class
				where relkind = 'r' and relnamespace = current_schema()::regnamespace and relname ~ ?
				  and not relispartition""", String.class, "^" + this.table + "_[0-9]{4}_[0-9]{2}$");
		// Another instance may be dropping the same table.
		detached.forEach((name) -> this.jdbc.execute("drop table if exists " + name));
		return detached;
	}

	/** The partition of a month, whether it exists or not. */
	public Partition partition(YearMonth month) {
		return new Partition(this.table + "_" + month.format(SUFFIX), month,
				month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	/**
	 * A month's partition: it holds the rows from {@code from} inclusive to {@code to}
	 * exclusive.
	 */
	public record Partition(String name, YearMonth month, Instant from, Instant to) {
	}

}
