package com.northbeam.assessment.colleague;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations of colleagues and their answers. */
@Repository
class ColleagueRepository {

	private final JdbcClient jdbc;

	ColleagueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code email} is {@code null} once the colleague's personal data is erased. */
	record Invitation(UUID id, UUID submissionId, String email, Instant createdAt, Instant expiresAt) {
	}

	/**
	 * A colleague's answers (stored JSON) with the respondent's answers before the merge;
	 * {@code name} and {@code email} are {@code null} once erased.
	 */
	record Response(UUID submissionId, UUID invitationId, int questionnaireVersion, String name, String email,
			String consentVersion, String answers, String respondentAnswers, Instant createdAt, Instant erasedAt) {
	}

	/** What a result shows: the newest invitation and, once answered, the answers. */
	record ResultPart(Instant invitedAt, Response response) {
	}

	void insert(Invitation invitation) {
		this.jdbc
			.sql("insert into colleague_invitation (id, submission_id, email, created_at, expires_at) "
					+ "values (:id, :submission, :email, :createdAt, :expiresAt)")
			.param("id", invitation.id())
			.param("submission", invitation.submissionId())
			.param("email", invitation.email())
			.param("createdAt", timestamp(invitation.createdAt()))
			.param("expiresAt", timestamp(invitation.expiresAt()))
			.update();
	}

	int countInvitations(UUID submissionId) {
		return this.jdbc.sql("select count(*) from colleague_invitation where submission_id = :id")
			.param("id", submissionId)
			.query(Integer.class)
			.single();
	}

	Optional<Invitation> findInvitation(UUID id) {
		return this.jdbc
			.sql("select id, submission_id, email, created_at, expires_at from colleague_invitation where id = :id")
			.param("id", id)
			.query(this::invitation)
			.optional();
	}

	List<Invitation> invitations(UUID submissionId) {
		return this.jdbc
			.sql("select id, submission_id, email, created_at, expires_at from colleague_invitation "
					+ "where submission_id = :id order by created_at")
			.param("id", submissionId)
			.query(this::invitation)
			.list();
	}

	/**
	 * Stores a colleague's answers; a second colleague of the same submission makes it
	 * throw {@link org.springframework.dao.DuplicateKeyException}.
	 */
	void insert(Response response) {
		this.jdbc.sql("insert into colleague_response (submission_id, invitation_id, questionnaire_version, name, "
				+ "email, consent_version, answers, respondent_answers, created_at) values (:submission, :invitation, "
				+ ":questionnaireVersion, :name, :email, :consentVersion, :answers, :respondentAnswers, :createdAt)")
			.param("submission", response.submissionId())
			.param("invitation", response.invitationId())
			.param("questionnaireVersion", response.questionnaireVersion())
			.param("name", response.name())
			.param("email", response.email())
			.param("consentVersion", response.consentVersion())
			.param("answers", response.answers())
			.param("respondentAnswers", response.respondentAnswers())
			.param("createdAt", timestamp(response.createdAt()))
			.update();
	}

	Optional<Response> findResponse(UUID submissionId) {
		return this.jdbc.sql("select * from colleague_response where submission_id = :id")
			.param("id", submissionId)
			.query((rs, n) -> response(rs))
			.optional();
	}

	/**
	 * The newest invitation and the response, in one statement; empty if never invited.
	 */
	Optional<ResultPart> findResultPart(UUID submissionId) {
		return this.jdbc
			.sql("select i.invited_at, r.* from (select max(created_at) invited_at from colleague_invitation "
					+ "where submission_id = :id) i left join colleague_response r on r.submission_id = :id")
			.param("id", submissionId)
			.query((rs, n) -> {
				Instant invitedAt = instant(rs, "invited_at");
				return (invitedAt != null)
						? new ResultPart(invitedAt, (rs.getObject("submission_id") != null) ? response(rs) : null)
						: null;
			})
			.optional();
	}

	/**
	 * Clears the name and email of the colleague who answered for the submission and the
	 * address their invitations went to (the one they answered and any other sent to that
	 * address); the addresses of others invited to it stay. Before anyone answered,
	 * nothing tells the invited apart: the address of each invitation is cleared. Says
	 * whether there was anything to clear.
	 */
	boolean erase(UUID submissionId, Instant at) {
		int invitations = this.jdbc
			.sql("update colleague_invitation set email = null where submission_id = :id and email is not null "
					+ "and (not exists (select 1 from colleague_response where submission_id = :id) "
					+ "or lower(email) = (select lower(i.email) from colleague_response r join colleague_invitation i "
					+ "on i.id = r.invitation_id where r.submission_id = :id))")
			.param("id", submissionId)
			.update();
		return eraseResponse(submissionId, at) + invitations > 0;
	}

	/**
	 * Clears the personal data of everyone invited to answer for the submission: the name
	 * and email of the colleague who answered and the address of every invitation. Says
	 * whether there was anything to clear.
	 */
	boolean eraseAll(UUID submissionId, Instant at) {
		int invitations = this.jdbc
			.sql("update colleague_invitation set email = null where submission_id = :id and email is not null")
			.param("id", submissionId)
			.update();
		return eraseResponse(submissionId, at) + invitations > 0;
	}

	private int eraseResponse(UUID submissionId, Instant at) {
		return this.jdbc
			.sql("update colleague_response set name = null, email = null, erased_at = :at "
					+ "where submission_id = :id and erased_at is null")
			.param("at", timestamp(at))
			.param("id", submissionId)
			.update();
	}

	private Invitation invitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
				rs.getString("email"), instant(rs, "created_at"), instant(rs, "expires_at"));
	}

	private static Response response(ResultSet rs) throws SQLException {
		return new Response(rs.getObject("submission_id", UUID.class), rs.getObject("invitation_id", UUID.class),
				rs.getInt("questionnaire_version"), rs.getString("name"), rs.getString("email"),
				rs.getString("consent_version"), rs.getString("answers"), rs.getString("respondent_answers"),
				instant(rs, "created_at"), instant(rs, "erased_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
