package org.crmbackoffice.interactions.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BI exports. The column tables of their documentation are added from the columns
 * themselves.
 */
@RestController
@RequestMapping(ExportController.BASE_PATH)
@Tag(name = "export", description = "Bulk and incremental export of interactions and their track record for BI")
class ExportController {

	static final String BASE_PATH = "/interaction/v1/export";

	static final String USAGE = """
			Formats: NDJSON (application/x-ndjson, the default) or CSV (text/csv, RFC 4180 with a header row), chosen \
			by Accept or format=ndjson|csv. In CSV a text field that starts with =, +, -, @, a tab or a carriage \
			return has a ' put in front, so that a spreadsheet shows it instead of evaluating it as a formula. \
			Accept-Encoding: gzip compresses the body. \
			One response holds at most `limit` rows, oldest first. Its headers say where it stopped: X-Next-Cursor \
			(opaque; send it back as cursor= with the same other parameters to get the rows after the last one \
			sent), X-Result-Count (rows in this response) and X-Has-More (false once the export has caught up). \
			The body holds only rows. mode=range (default) walks rows by their time; mode=changes walks rows in \
			the order their changes became final, so that a job resuming from its last cursor gets every row \
			created or changed since, each change once (a row changed twice in between comes once, as it is now). \
			An interrupted response is retried with the same cursor. A query that runs longer than the export \
			statement timeout answers 503 query-timeout.""";

	private final Exporter exporter;

	private final ExportProperties properties;

	ExportController(Exporter exporter, ExportProperties properties) {
		this.exporter = exporter;
		this.properties = properties;
	}

	@GetMapping("/partyInteraction")
	@Operation(operationId = "exportPartyInteractions", summary = "Exports interactions", description = USAGE)
	@Parameter(name = ExportQuery.FROM, in = ParameterIn.QUERY,
			description = "inclusive lower bound of the interaction's start (RFC 3339)")
	@Parameter(name = ExportQuery.TO, in = ParameterIn.QUERY,
			description = "exclusive upper bound of the interaction's start (RFC 3339)")
	@Parameter(name = ExportDataset.PARTY, in = ParameterIn.QUERY, description = "a related party's id")
	@Parameter(name = ExportDataset.CHANNEL, in = ParameterIn.QUERY, description = "a channel name")
	@Parameter(name = ExportDataset.REASON, in = ParameterIn.QUERY, description = "the reason, case-insensitive")
	@Parameter(name = ExportDataset.STATUS, in = ParameterIn.QUERY,
			description = "the status: opened, inProgress, "
					+ "waitingForPartner, waitingForBackOffice, completed or cancelled")
	@ExportWalk
	void partyInteractions(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			HttpServletResponse response) {
		export(ExportDataset.INTERACTIONS, parameters, accept, acceptEncoding, response);
	}

	@GetMapping("/historyEntry")
	@Operation(operationId = "exportHistoryEntries", summary = "Exports the track record of interactions",
			description = USAGE)
	@Parameter(name = ExportQuery.FROM, in = ParameterIn.QUERY,
			description = "inclusive lower bound of the entry's time (RFC 3339)")
	@Parameter(name = ExportQuery.TO, in = ParameterIn.QUERY,
			description = "exclusive upper bound of the entry's time (RFC 3339)")
	@Parameter(name = ExportDataset.PARTY, in = ParameterIn.QUERY,
			description = "a related party's id of the interaction")
	@Parameter(name = ExportDataset.CHANNEL, in = ParameterIn.QUERY,
			description = "the channel the change came through")
	@Parameter(name = ExportDataset.REASON, in = ParameterIn.QUERY,
			description = "the interaction's reason, case-insensitive")
	@Parameter(name = ExportDataset.STATUS, in = ParameterIn.QUERY, description = "the interaction's status")
	@ExportWalk
	void historyEntries(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			HttpServletResponse response) {
		export(ExportDataset.HISTORY_ENTRIES, parameters, accept, acceptEncoding, response);
	}

	private void export(ExportDataset dataset, Map<String, String> parameters, String accept, String acceptEncoding,
			HttpServletResponse response) {
		ExportQuery query = ExportQuery.of(dataset, parameters, this.properties);
		ExportFormat format = ExportFormat.of(parameters.get(ExportQuery.FORMAT), accept);
		this.exporter.export(query, format, acceptsGzip(acceptEncoding), response);
	}

	/** Whether Accept-Encoding names gzip without refusing it ({@code q=0}). */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.trim().split(";");
			String name = parts[0].trim();
			if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].trim().replace(" ", "");
					if (parameter.matches("[qQ]=0(\\.0*)?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	/** How every export walks its rows and in which format it writes them. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Parameter(name = ExportQuery.MODE, in = ParameterIn.QUERY,
			description = "range (the default: by time) or changes (by change, for incremental exports)")
	@Parameter(name = ExportQuery.CURSOR, in = ParameterIn.QUERY,
			description = "X-Next-Cursor of the previous response, to resume after its last row")
	@Parameter(name = ExportQuery.LIMIT, in = ParameterIn.QUERY,
			description = "the most rows this response may hold (default 100000)")
	@Parameter(name = ExportQuery.FORMAT, in = ParameterIn.QUERY, description = "ndjson or csv; overrides Accept")
	@interface ExportWalk {

	}

}
