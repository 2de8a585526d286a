package org.crmbackoffice.interactions.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

/**
 * One export request, checked: the data set, the mode, the filters as SQL with their
 * values, where to resume and how many rows to send.
 *
 * @param cursor where the previous response stopped; {@code null} to start from the
 * beginning
 */
record ExportQuery(ExportDataset dataset, ExportMode mode, List<Condition> filters, String fingerprint,
		ExportCursor cursor, int limit) {

	static final String FROM = "from";

	static final String TO = "to";

	static final String MODE = "mode";

	static final String CURSOR = "cursor";

	static final String LIMIT = "limit";

	static final String FORMAT = "format";

	private static final Set<String> PARAMETERS = Set.of(FROM, TO, ExportDataset.PARTY, ExportDataset.CHANNEL,
			ExportDataset.REASON, ExportDataset.STATUS, MODE, CURSOR, LIMIT, FORMAT);

	/** A piece of SQL with the value of its one parameter. */
	record Condition(String sql, Object value) {
	}

	static ExportQuery of(ExportDataset dataset, Map<String, String> parameters, ExportProperties properties) {
		List<FieldProblem> problems = new ArrayList<>();
		parameters.keySet()
			.stream()
			.filter((name) -> !PARAMETERS.contains(name))
			.forEach((name) -> problems.add(new FieldProblem(name, "is not a parameter of this export")));
		Map<String, String> canonical = new TreeMap<>();
		List<Condition> filters = new ArrayList<>();
		String time = dataset.time();
		for (String name : List.of(FROM, TO, ExportDataset.PARTY, ExportDataset.CHANNEL, ExportDataset.REASON,
				ExportDataset.STATUS)) {
			String value = parameters.get(name);
			if (value == null) {
				continue;
			}
			try {
				switch (name) {
					case FROM -> filters.add(new Condition(time + " >= ?", OffsetDateTime.parse(value)));
					case TO -> filters.add(new Condition(time + " < ?", OffsetDateTime.parse(value)));
					case ExportDataset.STATUS ->
						filters.add(new Condition(dataset.filters().get(name), ExportDataset.storedStatus(value)));
					default -> filters.add(new Condition(dataset.filters().get(name), value));
				}
				canonical.put(name, value);
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				problems.add(new FieldProblem(name, "'" + value + "' is not a valid value"));
			}
		}
		ExportMode mode = ExportMode.RANGE;
		ExportCursor cursor = null;
		int limit = properties.defaultLimit();
		try {
			if (parameters.containsKey(LIMIT)) {
				limit = Integer.parseInt(parameters.get(LIMIT));
			}
			if (limit < 1 || limit > properties.maxLimit()) {
				problems.add(new FieldProblem(LIMIT, "must be 1 to " + properties.maxLimit()));
			}
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(LIMIT, "must be 1 to " + properties.maxLimit()));
		}
		try {
			if (parameters.containsKey(MODE)) {
				mode = ExportMode.of(parameters.get(MODE));
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(MODE, "must be range or changes"));
		}
		if (!problems.isEmpty()) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"The export parameters are not valid; see errors.", problems, null);
		}
		if (parameters.containsKey(CURSOR)) {
			cursor = ExportCursor.decode(parameters.get(CURSOR), dataset);
			if (!parameters.containsKey(MODE)) {
				mode = cursor.mode();
			}
		}
		String fingerprint = fingerprintOf(dataset, mode, canonical);
		if (cursor != null && (!cursor.dataset().equals(dataset.name()) || cursor.mode() != mode
				|| !cursor.fingerprint().equals(fingerprint))) {
			throw ExportCursor.invalid("belongs to an export with another data set, mode or filters; "
					+ "repeat the parameters of the request that returned it");
		}
		return new ExportQuery(dataset, mode, List.copyOf(filters), fingerprint, cursor, limit);
	}

	List<ExportKey> keys() {
		return this.dataset.keysOf(this.mode);
	}

	/**
	 * The cursor that resumes after the given key, or where this request resumed when it
	 * sent no row.
	 */
	ExportCursor cursorAfter(List<String> lastKey) {
		List<String> key = (lastKey != null) ? lastKey : (this.cursor != null) ? this.cursor.key() : List.of();
		return new ExportCursor(this.dataset.name(), this.mode, this.fingerprint, key);
	}

	private static String fingerprintOf(ExportDataset dataset, ExportMode mode, Map<String, String> filters) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((dataset.name() + "\n" + mode.value() + "\n" + filters).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
