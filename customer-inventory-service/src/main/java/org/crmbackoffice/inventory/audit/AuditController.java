package org.crmbackoffice.inventory.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.crmbackoffice.inventory.audit.AuditEntries.Entry;
import org.crmbackoffice.inventory.audit.AuditEntries.Query;
import org.crmbackoffice.inventory.audit.ChainVerifier.Verification;
import org.crmbackoffice.support.csv.CsvWriter;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = AuditController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "audit", description = "The audit trail of every access to customer records, for auditors")
class AuditController {

	static final String BASE_PATH = "/inventory/v1/audit";

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private static final List<String> CSV_HEADER = List.of("id", "chain", "sequence", "occurredAt", "principal",
			"clientId", "roles", "operation", "recordId", "via", "requestId", "sourceAddress", "purpose", "changes",
			"previousHash", "hash");

	private final AuditEntries entries;

	private final ChainVerifier verifier;

	private final JsonMapper json;

	AuditController(AuditEntries entries, ChainVerifier verifier, JsonMapper json) {
		this.entries = entries;
		this.verifier = verifier;
		this.json = json;
	}

	@GetMapping("/entry")
	@Operation(operationId = "listAuditEntries", summary = "Lists audit trail entries, oldest first",
			description = "Every given criterion must hold; from is inclusive and to exclusive (ISO-8601 instants). "
					+ "Reads are in the access chain, creates, changes, erasures and downloads in the change chain.")
	ResponseEntity<List<Entry>> entries(
			@Parameter(description = "Only entries about this customer record") @RequestParam(
					required = false) UUID recordId,
			@Parameter(description = "Only entries of this person or client (token subject)") @RequestParam(
					required = false) String principal,
			@Parameter(description = "Only entries made through this OAuth2 client") @RequestParam(
					required = false) String clientId,
			@Parameter(
					description = "Only entries of this operation, e.g. customer.read or agreement.update") @RequestParam(
							required = false) String operation,
			@Parameter(description = "Entries at or after this instant") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "Entries before this instant") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		Query query = new Query(recordId, principal, clientId, operation, from, to);
		List<Entry> page = this.entries.page(query, offset, limit);
		return ResponseEntity.ok()
			.header(ApiResponses.TOTAL_COUNT, Long.toString(this.entries.count(query)))
			.header(ApiResponses.RESULT_COUNT, Integer.toString(page.size()))
			.body(page);
	}

	@GetMapping(path = "/entry/export", produces = { "text/csv", "application/x-ndjson" })
	@Operation(operationId = "exportAuditEntries",
			summary = "Downloads the matching audit trail entries as CSV or NDJSON, oldest first",
			description = "The same criteria as the list, without paging: the entries are streamed as they are read, "
					+ "so an export of any size holds only a slice of them at a time.")
	void export(
			@Parameter(description = "Only entries about this customer record") @RequestParam(
					required = false) UUID recordId,
			@Parameter(description = "Only entries of this person or client (token subject)") @RequestParam(
					required = false) String principal,
			@Parameter(description = "Only entries made through this OAuth2 client") @RequestParam(
					required = false) String clientId,
			@Parameter(
					description = "Only entries of this operation, e.g. customer.read or agreement.update") @RequestParam(
							required = false) String operation,
			@Parameter(description = "Entries at or after this instant") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "Entries before this instant") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "csv or ndjson") @RequestParam(defaultValue = "csv") @Pattern(
					regexp = "csv|ndjson", message = "must be csv or ndjson") String format,
			HttpServletResponse response) throws IOException {
		Query query = new Query(recordId, principal, clientId, operation, from, to);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-trail." + format).build().toString());
		if (format.equals("csv")) {
			response.setContentType(CsvWriter.TEXT_CSV.toString());
			try (CsvWriter csv = CsvWriter.start(response.getOutputStream(), CSV_HEADER)) {
				this.entries.stream(query, (entry) -> csv.row(csvRow(entry)));
			}
			return;
		}
		response.setContentType(NDJSON + ";charset=UTF-8");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		this.entries.stream(query, (entry) -> {
			try {
				out.write(this.json.writeValueAsString(entry) + "\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	@GetMapping("/verify")
	@Operation(operationId = "verifyAuditTrail", summary = "Checks that the audit trail is complete and unchanged",
			description = "Recomputes every hash of both chains (from the last purge checkpoint of the access chain) "
					+ "and reports the first link that does not hold, or ok with the number of entries checked.")
	Verification verify() {
		return this.verifier.verify();
	}

	private List<Object> csvRow(Entry entry) {
		return Arrays.asList(entry.id(), entry.chain(), entry.sequence(), entry.occurredAt(), entry.principal(),
				entry.clientId(), String.join(",", entry.roles()), entry.operation(), entry.recordId(), entry.via(),
				entry.requestId(), entry.sourceAddress(), entry.purpose(),
				(entry.changes() != null) ? this.json.writeValueAsString(entry.changes()) : null, entry.previousHash(),
				entry.hash());
	}

}
