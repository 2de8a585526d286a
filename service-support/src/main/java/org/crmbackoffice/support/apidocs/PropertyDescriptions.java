package org.crmbackoffice.support.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Describes each attribute of a document's schemas that the records' Javadoc leaves
 * undescribed, from {@code api-descriptions.properties}: by {@code Schema.attribute}
 * where one schema means something of its own, else by the attribute's name, which means
 * the same in every TM Forum resource ({@code href}, {@code validFor}, ...).
 */
final class PropertyDescriptions {

	static final String LOCATION = "classpath*:api-descriptions.properties";

	private PropertyDescriptions() {
	}

	static void describe(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Properties descriptions = read();
		openApi.getComponents().getSchemas().forEach((name, schema) -> {
			for (Schema<?> part : parts(schema)) {
				part.getProperties().forEach((attribute, property) -> {
					if (property.getDescription() == null || property.getDescription().isBlank()) {
						property.setDescription(
								descriptions.getProperty(name + "." + attribute, descriptions.getProperty(attribute)));
					}
				});
			}
		});
	}

	/**
	 * The schema and the inline parts it is composed of (a subtype's own attributes sit
	 * in an allOf part).
	 */
	@SuppressWarnings("rawtypes")
	private static List<Schema<?>> parts(Schema<?> schema) {
		List<Schema<?>> parts = new ArrayList<>();
		if (schema.getProperties() != null) {
			parts.add(schema);
		}
		if (schema.getAllOf() != null) {
			for (Schema part : (List<Schema>) schema.getAllOf()) {
				if (part.getProperties() != null) {
					parts.add(part);
				}
			}
		}
		return parts;
	}

	private static Properties read() {
		Properties descriptions = new Properties();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				try (InputStream in = resource.getInputStream()) {
					descriptions.load(in);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The API descriptions cannot be read", ex);
		}
		return descriptions;
	}

}
