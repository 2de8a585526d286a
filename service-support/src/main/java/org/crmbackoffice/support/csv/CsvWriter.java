package org.crmbackoffice.support.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import org.springframework.http.MediaType;

/**
 * Writes one CSV document onto a stream, row by row as the rows are read, so that an
 * export of any size holds only the row being written. RFC 4180: a header row first, CRLF
 * after every row, a field quoted only when it holds a comma, a quote or a line break,
 * quotes doubled; UTF-8.
 * <p>
 * Cells are written as a spreadsheet should take them: {@code null} as an empty field,
 * whole and decimal numbers (decimals in plain notation) and booleans as they are,
 * anything else as its text, guarded against formula injection. Closing the writer
 * flushes it but leaves the stream open, so that a compressing stream around the response
 * can still be finished and the response still be flushed.
 */
public final class CsvWriter implements Flushable, Closeable {

	/** The content type of every CSV export. */
	public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	/**
	 * What a spreadsheet takes as the start of a formula, after OWASP's CSV injection
	 * guidance.
	 */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final char GUARD = '\'';

	private static final CsvSchema RFC_4180 = CsvSchema.emptySchema().withLineSeparator("\r\n");

	// Strict checking quotes exactly the fields that need it; without it Jackson quotes
	// every text longer than 24.
	private static final CsvMapper MAPPER = CsvMapper.builder()
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build();

	private final JsonGenerator generator;

	private final int columns;

	private CsvWriter(OutputStream out, List<String> header) {
		this.generator = MAPPER.writer(RFC_4180).createGenerator(out);
		this.columns = header.size();
		row(header);
	}

	/**
	 * Starts a document with its header row, which goes out even when no row follows, so
	 * that an empty export has the same shape as a full one.
	 */
	public static CsvWriter start(OutputStream out, List<String> header) {
		if (header.isEmpty()) {
			throw new IllegalArgumentException("A CSV document needs at least one column");
		}
		return new CsvWriter(out, header);
	}

	/** Writes one row; it must have a cell for every column of the header. */
	public CsvWriter row(Object... cells) {
		return row(Arrays.asList(cells));
	}

	/** Writes one row; it must have a cell for every column of the header. */
	public CsvWriter row(List<?> cells) {
		if (cells.size() != this.columns) {
			throw new IllegalArgumentException(
					"A row of " + cells.size() + " cells under a header of " + this.columns + " columns");
		}
		this.generator.writeStartArray();
		for (Object cell : cells) {
			write(cell);
		}
		this.generator.writeEndArray();
		return this;
	}

	private void write(Object cell) {
		if (cell == null) {
			this.generator.writeString("");
		}
		else if (cell instanceof BigDecimal decimal) {
			this.generator.writeNumber(decimal.toPlainString());
		}
		else if (isNumber(cell)) {
			this.generator.writeNumber(cell.toString());
		}
		else if (cell instanceof Boolean bool) {
			this.generator.writeBoolean(bool);
		}
		else {
			this.generator.writeString(guarded(cell.toString()));
		}
	}

	/*
	 * Only text is guarded. A number the code writes as a number cannot carry a formula,
	 * and a negative amount has to stay a number a spreadsheet can sum, so "-12" from a
	 * Long goes out as it is while the text "-12" gets the quote. Non-finite doubles
	 * print as words ("-Infinity") and go through as text.
	 */
	private static boolean isNumber(Object cell) {
		return cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte
				|| cell instanceof BigInteger || (cell instanceof Double value && Double.isFinite(value))
				|| (cell instanceof Float value && Float.isFinite(value));
	}

	/**
	 * The text with a leading {@code '} when a spreadsheet would evaluate it as a
	 * formula: the spreadsheet then shows the text, and a program reading the file finds
	 * it behind the one quote.
	 */
	static String guarded(String text) {
		return (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) ? GUARD + text : text;
	}

	@Override
	public void flush() {
		this.generator.flush();
	}

	@Override
	public void close() {
		this.generator.close();
	}

}
