package com.northbeam.assessment.lead;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void cellsThatSpreadsheetsWouldEvaluateGetALeadingQuote() {
		assertThat(Csv.cell("=SUM(A1:A2)")).isEqualTo("'=SUM(A1:A2)");
		assertThat(Csv.cell("+1")).isEqualTo("'+1");
		assertThat(Csv.cell("-1")).isEqualTo("'-1");
		assertThat(Csv.cell("@cmd")).isEqualTo("'@cmd");
		assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
		assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
		assertThat(Csv.cell("a=b")).isEqualTo("a=b");
	}

	@Test
	void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
		assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(Csv.cell(null)).isEmpty();
		assertThat(Csv.row(Arrays.asList("a", null, "=1"))).isEqualTo("a,,'=1\r\n");
		assertThat(Csv.row(List.of())).isEqualTo("\r\n");
	}

}
