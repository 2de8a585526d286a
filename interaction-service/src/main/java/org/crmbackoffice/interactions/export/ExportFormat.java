package org.crmbackoffice.interactions.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.csv.CsvWriter;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The two formats of an export, and the writer of each. */
enum ExportFormat {

	/** One JSON object per line; lists stay JSON arrays. */
	NDJSON("ndjson", MediaType.parseMediaType("application/x-ndjson")),

	/**
	 * RFC 4180: a header row, CRLF line ends, fields quoted where needed; lists joined by
	 * {@code ;}; text that a spreadsheet would evaluate starts with {@code '}.
	 */
	CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8;header=present"));

	static final String LIST_SEPARATOR = ";";

	private final String name;

	private final MediaType mediaType;

	ExportFormat(String name, MediaType mediaType) {
		this.name = name;
		this.mediaType = mediaType;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * {@code format} decides when given; otherwise the most preferred of the two that
	 * {@code Accept} names.
	 */
	static ExportFormat of(String format, String accept) {
		if (format != null) {
			return Arrays.stream(values())
				.filter((candidate) -> candidate.name.equals(format))
				.findFirst()
				.orElseThrow(() -> new ApiProblemException(ProblemType.INVALID_REQUEST, "Unknown export format.",
						List.of(new FieldProblem(ExportQuery.FORMAT, "must be ndjson or csv")), null));
		}
		if (accept == null || accept.isBlank()) {
			return NDJSON;
		}
		try {
			List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
			accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
			for (MediaType type : accepted) {
				if (type.getQualityValue() == 0) {
					continue;
				}
				for (ExportFormat candidate : values()) {
					if (type.isWildcardType() ? candidate == NDJSON : type.includes(candidate.mediaType)) {
						return candidate;
					}
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			throw new ApiProblemException(ProblemType.NOT_ACCEPTABLE, "The Accept header cannot be read.");
		}
		throw new ApiProblemException(ProblemType.NOT_ACCEPTABLE,
				"Exports are application/x-ndjson or text/csv; the Accept header allows neither.");
	}

	RowWriter writerOn(OutputStream out, List<ExportColumn> columns, JsonMapper json) {
		return (this == CSV) ? csvWriter(out, columns) : ndjsonWriter(out, columns, json);
	}

	/**
	 * Writes rows of column values, as {@link ExportColumn#read} gives them, to one
	 * response.
	 */
	interface RowWriter {

		void write(Object[] values);

		/** Writes out what is buffered, without closing the response. */
		void finish();

	}

	private static RowWriter ndjsonWriter(OutputStream out, List<ExportColumn> columns, JsonMapper json) {
		JsonGenerator generator = json.writer().withRootValueSeparator("").createGenerator(out);
		String[] names = columns.stream().map(ExportColumn::name).toArray(String[]::new);
		return new RowWriter() {

			@Override
			public void write(Object[] values) {
				generator.writeStartObject();
				for (int i = 0; i < names.length; i++) {
					generator.writeName(names[i]);
					Object value = values[i];
					if (value == null) {
						generator.writeNull();
					}
					else if (value instanceof String[] list) {
						generator.writeStartArray();
						for (String item : list) {
							generator.writeString(item);
						}
						generator.writeEndArray();
					}
					else if (value instanceof Long number) {
						generator.writeNumber(number);
					}
					else if (columns.get(i).type() == ExportColumn.Type.JSON) {
						generator.writeRawValue((String) value);
					}
					else {
						generator.writeString((String) value);
					}
				}
				generator.writeEndObject();
				generator.writeRaw('\n');
			}

			@Override
			public void finish() {
				generator.flush();
			}

		};
	}

	private static RowWriter csvWriter(OutputStream out, List<ExportColumn> columns) {
		CsvWriter csv = CsvWriter.start(out, columns.stream().map(ExportColumn::name).toList());
		return new RowWriter() {

			private final Object[] row = new Object[columns.size()];

			@Override
			public void write(Object[] values) {
				for (int i = 0; i < values.length; i++) {
					Object value = values[i];
					this.row[i] = (value instanceof String[] list) ? String.join(LIST_SEPARATOR, list) : value;
				}
				csv.row(this.row);
			}

			@Override
			public void finish() {
				csv.close();
			}

		};
	}

}
