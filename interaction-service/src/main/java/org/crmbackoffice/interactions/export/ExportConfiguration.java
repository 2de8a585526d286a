package org.crmbackoffice.interactions.export;

import java.util.List;

import javax.sql.DataSource;

import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

	/**
	 * Not a {@link DataSource} bean itself, so that the service's own data source stays
	 * Spring Boot's and the replica pool serves exports only.
	 */
	@Bean
	ExportDatabase exportDatabase(DataSource dataSource, ExportProperties properties) {
		return new ExportDatabase(dataSource, properties);
	}

	/**
	 * The column tables of the export documentation come from the columns, so they cannot
	 * drift apart.
	 */
	@Bean
	OperationCustomizer exportColumnDocumentation() {
		return (operation, handler) -> {
			if (handler.getBeanType() == ExportController.class) {
				ExportDataset dataset = handler.getMethod().getName().equals("historyEntries")
						? ExportDataset.HISTORY_ENTRIES : ExportDataset.INTERACTIONS;
				operation.setDescription(operation.getDescription() + "\n\n" + columnTable(dataset.columns()));
			}
			return operation;
		};
	}

	static String columnTable(List<ExportColumn> columns) {
		StringBuilder table = new StringBuilder("Columns, in this order (CSV header names, NDJSON keys; an absent "
				+ "value is an empty CSV field and a JSON null):\n\n| column | type | meaning |\n|---|---|---|\n");
		for (ExportColumn column : columns) {
			table.append("| ")
				.append(column.name())
				.append(" | ")
				.append(column.type().label())
				.append(" | ")
				.append(column.meaning())
				.append(" |\n");
		}
		return table.toString();
	}

}
