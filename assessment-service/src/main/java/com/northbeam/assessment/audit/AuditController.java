package com.northbeam.assessment.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins page through the audit trail, newest first, filtered by actor, action and time.
 */
@RestController
class AuditController {

	private final JdbcClient jdbc;

	AuditController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(long id, Instant at, String actor, String action, UUID leadId, String detail) {
	}

	record Page(List<Entry> items, String nextCursor) {
	}

	@GetMapping("/api/admin/audit")
	Page audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
		if (limit < 1 || limit > 500) {
			throw InvalidInputException.of("limit", "must be between 1 and 500");
		}
		Long afterId = null;
		if (after != null) {
			try {
				afterId = Long.parseLong(after);
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.of("after", "is not a cursor of this list");
			}
		}
		StringBuilder sql = new StringBuilder(
				"select id, at, actor, action, lead_id, detail from audit_entry where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (actor != null) {
			sql.append(" and actor = ?");
			params.add(actor);
		}
		if (action != null) {
			sql.append(" and action = ?");
			params.add(action);
		}
		if (from != null) {
			sql.append(" and at >= ?");
			params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
		}
		if (to != null) {
			sql.append(" and at < ?");
			params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
		}
		if (afterId != null) {
			sql.append(" and id < ?");
			params.add(afterId);
		}
		sql.append(" order by id desc limit ?");
		params.add(limit + 1);
		List<Entry> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getObject("lead_id", UUID.class),
					rs.getString("detail")))
			.list();
		if (rows.size() > limit) {
			List<Entry> page = rows.subList(0, limit);
			return new Page(List.copyOf(page), Long.toString(page.get(limit - 1).id()));
		}
		return new Page(rows, null);
	}

}
