package com.northbeam.assessment.lead;

import java.util.List;

/**
 * CSV cells (RFC 4180) that spreadsheets do not run: a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '},
 * so it is shown as text rather than evaluated as a formula.
 */
final class Csv {

	private Csv() {
	}

	static String row(List<String> cells) {
		StringBuilder row = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				row.append(',');
			}
			row.append(cell(cells.get(i)));
		}
		return row.append("\r\n").toString();
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			text = "'" + text;
		}
		boolean quote = false;
		for (int i = 0; i < text.length() && !quote; i++) {
			char c = text.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
