package com.northbeam.assessment.brief;

import java.util.List;

/**
 * A lead's matrix as CSV (RFC 4180, cells that spreadsheets would run as formulas are
 * quoted as text) and as Markdown (table cells escaped), to start a proposal from.
 */
final class ResponsibilityExport {

	private ResponsibilityExport() {
	}

	static String csv(Responsibility matrix) {
		StringBuilder out = new StringBuilder();
		row(out, List.of("function", "owner", "proposed_owner", "reason", "note", "edited_by", "edited_at"));
		for (Responsibility.Cell cell : matrix.cells()) {
			Responsibility.Edit edit = cell.edit();
			row(out, List.of(cell.label(), cell.current(), cell.owner(), cell.reason(),
					(edit != null && edit.note() != null) ? edit.note() : "", (edit != null) ? edit.editedBy() : "",
					(edit != null) ? edit.editedAt().toString() : ""));
		}
		return out.toString();
	}

	static String markdown(Responsibility matrix) {
		StringBuilder out = new StringBuilder();
		out.append("# Who owns what: ").append(matrix.model().replace('_', ' ')).append("\n\n");
		out.append("| Function | Owner | Proposed | Why | Note |\n|---|---|---|---|---|\n");
		for (Responsibility.Cell cell : matrix.cells()) {
			Responsibility.Edit edit = cell.edit();
			out.append("| ")
				.append(md(cell.label()))
				.append(" | ")
				.append(cell.current())
				.append(" | ")
				.append(cell.owner())
				.append(" | ")
				.append(md(cell.reason()))
				.append(" | ")
				.append((edit != null && edit.note() != null) ? md(edit.note()) : "")
				.append(" |\n");
		}
		if (!matrix.leadershipKeeps().isEmpty()) {
			out.append("\n## Leadership keeps\n\n");
			matrix.leadershipKeeps().forEach((kept) -> out.append("- ").append(md(kept)).append('\n'));
		}
		return out.toString();
	}

	private static void row(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(cells.get(i)));
		}
		out.append("\r\n");
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
		boolean quote = text.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r');
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	/** Text that cannot break out of a Markdown table cell or start markup. */
	static String md(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '\r' || c == '\n') {
				escaped.append(' ');
			}
			else {
				if ("\\`*_{}[]<>()#+-!|~".indexOf(c) >= 0) {
					escaped.append('\\');
				}
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
