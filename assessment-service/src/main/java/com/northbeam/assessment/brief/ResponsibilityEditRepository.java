package com.northbeam.assessment.brief;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versioned edits of lead responsibility matrices; every edit of a cell is a row of
 * its own, numbered after the cell's earlier edits.
 */
@Repository
class ResponsibilityEditRepository {

	private final JdbcClient jdbc;

	ResponsibilityEditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One edit of one cell. */
	record EditRow(String function, Responsibility.Edit edit) {
	}

	/** The newest edit of each edited cell of a lead's matrix, by function. */
	Map<String, Responsibility.Edit> current(UUID leadId) {
		Map<String, Responsibility.Edit> current = new LinkedHashMap<>();
		this.jdbc.sql("""
				select e.function_code, e.version, e.owner, e.note, e.proposed_owner, e.edited_by, e.edited_at
				from responsibility_edit e
				where e.lead_id = :leadId and e.version = (select max(m.version) from responsibility_edit m
					where m.lead_id = e.lead_id and m.function_code = e.function_code)
				""").param("leadId", leadId).query((rs, n) -> {
			OffsetDateTime at = rs.getObject("edited_at", OffsetDateTime.class);
			return new EditRow(rs.getString("function_code"),
					new Responsibility.Edit(rs.getInt("version"), rs.getString("owner"), rs.getString("note"),
							rs.getString("proposed_owner"), rs.getString("edited_by"), at.toInstant()));
		}).list().forEach((row) -> current.put(row.function(), row.edit()));
		return current;
	}

	/**
	 * Forgets the notes sales wrote on a lead's matrix (they may name the prospect); the
	 * owners chosen stay. Returns how many edits had a note.
	 */
	int eraseNotes(UUID leadId) {
		return this.jdbc.sql("update responsibility_edit set note = null where lead_id = :leadId and note is not null")
			.param("leadId", leadId)
			.update();
	}

	/** Every edit of one cell, oldest first. */
	List<Responsibility.Edit> history(UUID leadId, String function) {
		return this.jdbc.sql("""
				select version, owner, note, proposed_owner, edited_by, edited_at from responsibility_edit
				where lead_id = :leadId and function_code = :function order by version
				""")
			.param("leadId", leadId)
			.param("function", function)
			.query((rs, n) -> new Responsibility.Edit(rs.getInt("version"), rs.getString("owner"), rs.getString("note"),
					rs.getString("proposed_owner"), rs.getString("edited_by"),
					rs.getObject("edited_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The cell's newest version, 0 when it was never edited. */
	int version(UUID leadId, String function) {
		return this.jdbc.sql(
				"select coalesce(max(version), 0) from responsibility_edit where lead_id = :leadId and function_code = :function")
			.param("leadId", leadId)
			.param("function", function)
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores an edit as version {@code version} of the cell.
	 * @throws org.springframework.dao.DuplicateKeyException when that version exists
	 */
	void insert(UUID leadId, String function, int version, String owner, String note, String proposedOwner,
			int rulesVersion, String actor, Instant at) {
		this.jdbc.sql("""
				insert into responsibility_edit (lead_id, function_code, version, owner, note, proposed_owner,
					rules_version, edited_by, edited_at)
				values (:leadId, :function, :version, :owner, :note, :proposedOwner, :rulesVersion, :actor, :at)
				""")
			.param("leadId", leadId)
			.param("function", function)
			.param("version", version)
			.param("owner", owner)
			.param("note", note)
			.param("proposedOwner", proposedOwner)
			.param("rulesVersion", rulesVersion)
			.param("actor", actor)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

}
