package com.northbeam.assessment.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** How routing's lists and times are stored. */
final class Columns {

	private Columns() {
	}

	/** A list as one comma-separated column; {@code null} for an empty list. */
	static String join(List<String> values) {
		return values.isEmpty() ? null : String.join(",", values);
	}

	static List<String> split(String column) {
		return (column == null || column.isEmpty()) ? List.of() : Arrays.asList(column.split(","));
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
