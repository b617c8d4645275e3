package com.northbeam.gateway.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.gateway.client.PageRead;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading sessions and the pages read in them, in the gateway's database so that every
 * replica sees the same visit.
 */
@Repository
class ReadingSessionRepository {

	private final JdbcClient jdbc;

	ReadingSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A reading session.
	 *
	 * @param submissionId the assessment submitted in it, or {@code null}
	 */
	record Session(UUID id, UUID submissionId, Instant expiresAt) {

		boolean expired(Instant now) {
			return !expiresAt.isAfter(now);
		}

	}

	Optional<Session> find(UUID id) {
		return jdbc.sql("SELECT id, submission_id, expires_at FROM reading_session WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Session(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Starts a session under {@code id}, or starts an expired one afresh; a session
	 * started concurrently under the same id stands.
	 */
	void start(UUID id, Instant now, Instant expiresAt) {
		jdbc.sql("DELETE FROM reading_session WHERE id = :id AND expires_at <= :now")
			.param("id", id)
			.param("now", utc(now))
			.update();
		try {
			jdbc.sql("""
					INSERT INTO reading_session (id, started_at, expires_at, pages_after)
					VALUES (:id, :now, :expires, 0)""")
				.param("id", id)
				.param("now", utc(now))
				.param("expires", utc(expiresAt))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another request of the same visit started it.
		}
	}

	/** Adds a page and keeps only the latest {@code max} of the session. */
	void addPage(UUID sessionId, PageRead page, int max) {
		jdbc.sql("""
				INSERT INTO reading_page (id, session_id, slug, title, section, section_title, viewed_at)
				VALUES (:id, :session, :slug, :title, :section, :sectionTitle, :at)""")
			.param("id", UUID.randomUUID())
			.param("session", sessionId)
			.param("slug", page.slug())
			.param("title", page.title())
			.param("section", page.section())
			.param("sectionTitle", page.sectionTitle())
			.param("at", utc(page.viewedAt()))
			.update();
		jdbc.sql(
				"""
						DELETE FROM reading_page WHERE session_id = :session AND id IN (
						SELECT id FROM reading_page WHERE session_id = :session ORDER BY viewed_at DESC, id OFFSET :max ROWS)""")
			.param("session", sessionId)
			.param("max", max)
			.update();
	}

	/** The pages read in a session, oldest first. */
	List<PageRead> pages(UUID sessionId) {
		return jdbc.sql("""
				SELECT slug, title, section, section_title, viewed_at FROM reading_page
				WHERE session_id = :session ORDER BY viewed_at, id""")
			.param("session", sessionId)
			.query((rs, row) -> new PageRead(rs.getString("slug"), rs.getString("title"), rs.getString("section"),
					rs.getString("section_title"), rs.getObject("viewed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * The session's assessment is submitted: its pages, handed over with it, go; the
	 * session names the submission and lasts until {@code expiresAt}. Makes the session
	 * if there is none.
	 */
	void submitted(UUID sessionId, UUID submissionId, Instant now, Instant expiresAt) {
		jdbc.sql("DELETE FROM reading_page WHERE session_id = :session").param("session", sessionId).update();
		int updated = jdbc
			.sql("UPDATE reading_session SET submission_id = :submission, expires_at = :expires, pages_after = 0 "
					+ "WHERE id = :id")
			.param("submission", submissionId)
			.param("expires", utc(expiresAt))
			.param("id", sessionId)
			.update();
		if (updated == 0) {
			start(sessionId, now, expiresAt);
			submitted(sessionId, submissionId, now, expiresAt);
		}
	}

	/**
	 * Counts one more page read after the assessment, unless {@code max} were counted;
	 * says whether it counted.
	 */
	boolean countPageAfter(UUID sessionId, int max) {
		return jdbc
			.sql("UPDATE reading_session SET pages_after = pages_after + 1 WHERE id = :id AND pages_after < :max")
			.param("id", sessionId)
			.param("max", max)
			.update() == 1;
	}

	/** Deletes expired sessions with their pages; returns how many sessions. */
	int deleteExpired(Instant now) {
		return jdbc.sql("DELETE FROM reading_session WHERE expires_at <= :now").param("now", utc(now)).update();
	}

	/** Deletes the sessions of a submission with their pages; returns how many. */
	int deleteForSubmission(UUID submissionId) {
		return jdbc.sql("DELETE FROM reading_session WHERE submission_id = :submission")
			.param("submission", submissionId)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
