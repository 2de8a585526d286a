package org.crmbackoffice.interactions.export;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

/**
 * Where an export stopped: the key of the last row sent, for one export query (data set,
 * mode and filters, held as a fingerprint so that a cursor cannot resume another query).
 * Opaque to clients: URL-safe Base64.
 *
 * @param key the keyset values of the last row sent; empty before the first row
 */
record ExportCursor(String dataset, ExportMode mode, String fingerprint, List<String> key) {

	private static final String VERSION = "1";

	private static final String SEPARATOR = "|";

	String encode() {
		List<String> parts = new ArrayList<>(List.of(VERSION, this.dataset, this.mode.value(), this.fingerprint));
		parts.addAll(this.key);
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a client sent, checked against the keyset of the export it resumes. */
	static ExportCursor decode(String text, ExportDataset dataset) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
				.split("\\" + SEPARATOR, -1);
			ExportMode mode = ExportMode.of(parts[2]);
			List<ExportKey> keys = dataset.keysOf(mode);
			List<String> key = Arrays.asList(parts).subList(4, parts.length);
			if (!parts[0].equals(VERSION) || !(key.isEmpty() || key.size() == keys.size())) {
				throw new IllegalArgumentException("not a cursor");
			}
			for (int i = 0; i < key.size(); i++) {
				ExportKey.check(keys.get(i).type(), key.get(i));
			}
			return new ExportCursor(parts[1], mode, parts[3], List.copyOf(key));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException ex) {
			throw invalid("is not a cursor of this export");
		}
	}

	static ApiProblemException invalid(String why) {
		return new ApiProblemException(ProblemType.INVALID_REQUEST, "The cursor cannot resume this export.",
				List.of(new FieldProblem("cursor", why)), null);
	}

}
