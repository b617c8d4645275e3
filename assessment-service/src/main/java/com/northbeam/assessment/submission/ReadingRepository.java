package com.northbeam.assessment.submission;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadSubmissions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.submission.SubmissionRepository.timestamp;

/**
 * A submission's reading history: the pages read before the assessment, stored with the
 * submission, and those read after it, added one at a time under the gateway's id for
 * each, so a repeated delivery adds nothing. At most {@link ReadingHistory#MAX_KEPT}
 * pages per submission; none once its personal data is erased.
 */
@Repository
class ReadingRepository {

	private static final String COLUMNS = "id, submission_id, slug, title, section, section_title, viewed_at, "
			+ "after_submission";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	ReadingRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Stores the pages read before the assessment, in the caller's transaction. */
	void insertBefore(UUID submissionId, List<ReadingHistory.Page> pages) {
		if (pages.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] rows = pages.stream()
			.map((page) -> params(UUID.randomUUID(), submissionId, page).addValue("after", false))
			.toArray(MapSqlParameterSource[]::new);
		this.batch.batchUpdate(
				"insert into submission_reading (" + COLUMNS
						+ ") values (:id, :submissionId, :slug, :title, :section, :sectionTitle, :viewedAt, :after)",
				rows);
	}

	/** What became of a page read after the assessment. */
	enum Added {

		/** Stored now. */
		STORED,

		/** Stored before under the same id. */
		REPEATED,

		/** Not kept: the submission's personal data is erased, or it has enough pages. */
		NOT_KEPT,

		/** There is no such submission (yet). */
		UNKNOWN

	}

	Added addAfter(UUID submissionId, UUID id, ReadingHistory.Page page) {
		try {
			int stored = this.jdbc
				.sql("insert into submission_reading (" + COLUMNS + ") select cast(:id as uuid), s.id, "
						+ "cast(:slug as varchar(120)), cast(:title as varchar(300)), cast(:section as varchar(120)), "
						+ "cast(:sectionTitle as varchar(300)), cast(:viewedAt as timestamp with time zone), true "
						+ "from submission s where s.id = :submissionId "
						+ "and s.reading_closed_at is null and (select count(*) from submission_reading r "
						+ "where r.submission_id = s.id) < :max")
				.paramSource(params(id, submissionId, page).addValue("max", ReadingHistory.MAX_KEPT))
				.update();
			if (stored == 1) {
				return Added.STORED;
			}
		}
		catch (DuplicateKeyException ex) {
			return Added.REPEATED;
		}
		boolean known = this.jdbc.sql("select count(*) from submission where id = :id")
			.param("id", submissionId)
			.query(Long.class)
			.single() > 0;
		return known ? Added.NOT_KEPT : Added.UNKNOWN;
	}

	/** The pages read, oldest first. */
	List<LeadSubmissions.PageRead> find(UUID submissionId) {
		return this.jdbc
			.sql("select slug, title, section, section_title, viewed_at, after_submission from submission_reading "
					+ "where submission_id = :id order by viewed_at, after_submission")
			.param("id", submissionId)
			.query((rs, n) -> new LeadSubmissions.PageRead(rs.getString("slug"), rs.getString("title"),
					rs.getString("section"), rs.getString("section_title"),
					rs.getObject("viewed_at", OffsetDateTime.class).toInstant(), rs.getBoolean("after_submission")))
			.list();
	}

	/**
	 * Deletes a submission's reading history and refuses later pages, in the caller's
	 * transaction.
	 */
	void erase(UUID submissionId, Instant now) {
		this.jdbc.sql("delete from submission_reading where submission_id = :id").param("id", submissionId).update();
		this.jdbc.sql("update submission set reading_closed_at = :now where id = :id and reading_closed_at is null")
			.param("now", timestamp(now))
			.param("id", submissionId)
			.update();
	}

	private static MapSqlParameterSource params(UUID id, UUID submissionId, ReadingHistory.Page page) {
		return new MapSqlParameterSource().addValue("id", id)
			.addValue("submissionId", submissionId)
			.addValue("slug", page.slug())
			.addValue("title", page.title())
			.addValue("section", page.section())
			.addValue("sectionTitle", page.sectionTitle())
			.addValue("viewedAt", timestamp(page.viewedAt()));
	}

}
