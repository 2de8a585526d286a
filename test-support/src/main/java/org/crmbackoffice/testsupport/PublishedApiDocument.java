package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of a service as the repository publishes it in {@code api/}, for
 * readers who do not run the service and for the client generation in
 * {@code api-clients}. A test compares it with the document the service serves, so that a
 * change of the API shows in review; with {@code -Dapi-documents.update=true} the test
 * writes the served document instead.
 */
public final class PublishedApiDocument {

	private static final int SHOWN = 20;

	private final Path file;

	private final JsonMapper json;

	private PublishedApiDocument(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
	}

	/**
	 * The published document of a service, e.g. {@code interaction-service}, from the
	 * service module's folder.
	 */
	public static PublishedApiDocument of(String service, JsonMapper json) {
		return new PublishedApiDocument(Path.of("..", "api", service + ".openapi.json"), json);
	}

	/**
	 * Fails with the differing places unless the served document is the published one.
	 */
	public void assertMatches(JsonNode served) {
		ObjectNode document = (ObjectNode) served.deepCopy();
		// The address a test server listens on is not part of the API.
		document.remove("servers");
		try {
			if (Boolean.getBoolean("api-documents.update")) {
				Files.createDirectories(this.file.getParent());
				Files.writeString(this.file,
						this.json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
			}
			assertThat(this.file).as("the published OpenAPI document").exists();
			JsonNode published = this.json.readTree(Files.readString(this.file));
			List<String> differences = new ArrayList<>();
			differences(published, document, "", differences);
			assertThat(differences).as("""
					The API changed: %s no longer describes it. Review the change and publish it with
					./mvnw -pl <service> -am verify -Dtest=ApiDocumentTests -Dsurefire.failIfNoSpecifiedTests=false \
					-Dapi-documents.update=true
					Differences (published -> served)""".formatted(this.file.normalize())).isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void differences(JsonNode published, JsonNode served, String at, List<String> found) {
		if (found.size() >= SHOWN || published.equals(served)) {
			return;
		}
		if (published.isObject() && served.isObject()) {
			Set<String> names = new HashSet<>(published.propertyNames());
			names.addAll(served.propertyNames());
			names.stream()
				.sorted()
				.forEach((name) -> differences(published.path(name), served.path(name),
						at + "/" + name.replace("~", "~0").replace("/", "~1"), found));
		}
		else {
			found.add(at + ": " + abbreviated(published) + " -> " + abbreviated(served));
		}
	}

	private static String abbreviated(JsonNode node) {
		String text = node.isMissingNode() ? "(none)" : node.toString();
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

}
