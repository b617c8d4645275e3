package com.northbeam.assessment.lead;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any cells (the input split at U+001E) make a CSV row whose quotes are balanced, that
 * parses back as RFC 4180 says into the same cells, and in which no cell begins with a
 * character that makes a spreadsheet evaluate it; a neutralised cell differs from its
 * value only by the leading {@code '}.
 */
class CsvFuzzTests {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	@FuzzTest(maxDuration = "5m")
	void rows(byte[] data) {
		List<String> cells = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\u001e", -1));
		String row = Csv.row(cells);

		assertThat(row).endsWith("\r\n");
		assertThat(row.chars().filter((c) -> c == '"').count() % 2).as("quotes balanced in %s", row).isZero();
		List<String> parsed = parse(row);
		assertThat(parsed).hasSameSizeAs(cells);
		for (int i = 0; i < cells.size(); i++) {
			String value = cells.get(i);
			String cell = parsed.get(i);
			if (cell.isEmpty()) {
				assertThat(value).isEmpty();
				continue;
			}
			assertThat(FORMULA_STARTS.indexOf(cell.charAt(0))).as("cell %s starts inert", cell).isNegative();
			String expected = (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
			assertThat(cell).isEqualTo(expected);
		}
	}

	/** An RFC 4180 reader for one record ending in CRLF. */
	static List<String> parse(String row) {
		assertThat(row).endsWith("\r\n");
		String body = row.substring(0, row.length() - 2);
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int i = 0;
		boolean quoted = false;
		boolean wasQuoted = false;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
					cell.append('"');
					i += 2;
					continue;
				}
				if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				assertThat(cell).as("a quote opens a cell only at its start").isEmpty();
				assertThat(wasQuoted).isFalse();
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
			}
			else {
				assertThat(wasQuoted).as("nothing follows a closing quote but a comma").isFalse();
				assertThat(c).as("an unquoted cell holds no line break").isNotIn('\r', '\n');
				cell.append(c);
			}
			i++;
		}
		assertThat(quoted).as("every quoted cell is closed").isFalse();
		cells.add(cell.toString());
		return cells;
	}

}
