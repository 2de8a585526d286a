package org.crmbackoffice.interactions.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BI job's view of the export: plain HTTP with a bearer token, the body as raw bytes
 * (so compression and CSV quoting are seen as sent), and a loop that resumes by cursor.
 */
final class ExportClient {

	static final String INTERACTIONS = "/interaction/v1/export/partyInteraction";

	static final String HISTORY = "/interaction/v1/export/historyEntry";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private String token = TestIssuer.shared().tokenFor(Roles.ANALYST);

	ExportClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	ExportClient as(String token) {
		this.token = token;
		return this;
	}

	/** One response, decompressed when the server said it compressed. */
	Response get(String path, Map<String, String> parameters, String... headers) {
		String query = parameters.entrySet()
			.stream()
			.map((parameter) -> parameter.getKey() + "="
					+ URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path + "?" + query))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.token);
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			byte[] body = response.body();
			boolean gzipped = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
			byte[] plain = gzipped ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
			return new Response(response.statusCode(), response.headers().map(), body, plain);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Pulls NDJSON chunk after chunk, resuming from each response's cursor, until the
	 * export has caught up.
	 */
	Pull pullAll(String path, Map<String, String> parameters, int limit) {
		return pullFrom(path, parameters, limit, null);
	}

	Pull pullFrom(String path, Map<String, String> parameters, int limit, String cursor) {
		List<JsonNode> rows = new ArrayList<>();
		int chunks = 0;
		String next = cursor;
		while (true) {
			Map<String, String> request = new LinkedHashMap<>(parameters);
			request.put("limit", Integer.toString(limit));
			if (next != null) {
				request.put("cursor", next);
			}
			Response response = get(path, request);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			List<JsonNode> chunk = response.ndjson();
			assertThat(chunk).hasSizeLessThanOrEqualTo(limit);
			assertThat(response.header("X-Result-Count")).isEqualTo(Integer.toString(chunk.size()));
			rows.addAll(chunk);
			chunks++;
			next = response.header("X-Next-Cursor");
			if (!Boolean.parseBoolean(response.header("X-Has-More"))) {
				return new Pull(rows, chunks, next);
			}
		}
	}

	record Pull(List<JsonNode> rows, int chunks, String cursor) {

		List<String> values(String column) {
			return this.rows.stream().map((row) -> row.get(column).asString()).toList();
		}

	}

	record Response(int status, Map<String, List<String>> headers, byte[] raw, byte[] body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map((header) -> header.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		List<JsonNode> ndjson() {
			String text = text();
			List<JsonNode> rows = new ArrayList<>();
			for (String line : text.split("\n")) {
				if (!line.isEmpty()) {
					rows.add(json.readTree(line));
				}
			}
			assertThat(text.isEmpty() || text.endsWith("\n")).as("every line ends with a newline").isTrue();
			return rows;
		}

	}

}
