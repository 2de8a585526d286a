package org.crmbackoffice.support.csv;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvWriterTests {

	private static final List<String> AWKWARD = List.of("Zoë, \"Ltd\"\nLine 2", "carriage\r\nreturn", "plain",
			"emoji 🚀👩‍💻", "漢字とかな、한국어", "", " padded ");

	private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1:A2)",
			"\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0");

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void quotesWhatWouldBreakTheRowAndKeepsUnicodeIntact() {
		try (CsvWriter csv = CsvWriter.start(this.out, List.of("a", "b", "c", "d", "e", "f", "g"))) {
			csv.row(AWKWARD);
		}

		assertThat(text()).isEqualTo("a,b,c,d,e,f,g\r\n\"Zoë, \"\"Ltd\"\"\nLine 2\",\"carriage\r\nreturn\",plain,"
				+ "emoji 🚀👩‍💻,漢字とかな、한국어,, padded \r\n");
		assertThat(read()).containsExactly(List.of("a", "b", "c", "d", "e", "f", "g"), AWKWARD);
	}

	@Test
	void guardsCellsThatSpreadsheetsWouldEvaluate() {
		try (CsvWriter csv = CsvWriter.start(this.out, List.of("1", "2", "3", "4", "5", "6", "7"))) {
			csv.row(FORMULAS);
		}

		List<String> written = read().get(1);
		assertThat(written).containsExactly("'=HYPERLINK(\"http://x\")", "'+1+1", "'-2+3", "'@SUM(A1:A2)", "'\t=1+1",
				"'\r=1+1", "'=cmd|' /C calc'!A0");
		assertThat(written).extracting((cell) -> cell.substring(1)).containsExactlyElementsOf(FORMULAS);
		assertThat(text()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
	}

	@Test
	void leavesNumbersWrittenAsNumbersAloneButGuardsTextThatLooksLikeOne() {
		try (CsvWriter csv = CsvWriter.start(this.out, List.of("long", "int", "decimal", "double", "text", "flag"))) {
			csv.row(-12L, -3, new BigDecimal("-1.2300"), -0.5, "-12", true);
			csv.row(7L, 0, new BigDecimal("1E+3"), Double.NEGATIVE_INFINITY, "12", false);
		}

		assertThat(text()).isEqualTo("long,int,decimal,double,text,flag\r\n-12,-3,-1.2300,-0.5,'-12,true\r\n"
				+ "7,0,1000,'-Infinity,12,false\r\n");
	}

	@Test
	void writesAnAbsentValueAsAnEmptyField() {
		try (CsvWriter csv = CsvWriter.start(this.out, List.of("a", "b", "c"))) {
			csv.row("x", null, "z");
		}

		assertThat(read()).containsExactly(List.of("a", "b", "c"), List.of("x", "", "z"));
	}

	@Test
	void writesTheHeaderOfAnExportWithoutRows() {
		try (CsvWriter csv = CsvWriter.start(this.out, List.of("id", "name"))) {
			csv.flush();
		}

		assertThat(text()).isEqualTo("id,name\r\n");
	}

	@Test
	void sendsRowsOnBeforeTheDocumentEndsSoALargeExportIsNotHeldInMemory() {
		CsvWriter csv = CsvWriter.start(this.out, List.of("n", "text"));
		for (long i = 0; i < 10_000; i++) {
			csv.row(i, "row number " + i);
		}

		assertThat(this.out.size()).as("bytes out before the flush").isGreaterThan(100_000);
		csv.close();
		assertThat(read()).hasSize(10_001);
	}

	@Test
	void leavesTheStreamOpenForWhatTheResponseStillHasToDo() {
		try (CsvWriter csv = CsvWriter.start(this.out, List.of("a"))) {
			csv.row("x");
		}
		this.out.writeBytes("after".getBytes(StandardCharsets.UTF_8));

		assertThat(text()).isEqualTo("a\r\nx\r\nafter");
	}

	@Test
	void refusesARowThatDoesNotFitTheHeader() {
		CsvWriter csv = CsvWriter.start(this.out, List.of("a", "b"));

		assertThatIllegalArgumentException().isThrownBy(() -> csv.row("only one"));
		assertThatIllegalArgumentException().isThrownBy(() -> csv.row("one", "two", "three"));
	}

	private String text() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private List<List<String>> read() {
		CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
			.readValues(this.out.toByteArray())) {
			return rows.readAll();
		}
	}

}
