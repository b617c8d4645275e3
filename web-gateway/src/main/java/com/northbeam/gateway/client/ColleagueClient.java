package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.ConsentGiven;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of a result's second respondent: inviting a colleague to answer the
 * technical questions, the colleague's signed link and answers, and what a result shows
 * of them.
 */
@Component
public class ColleagueClient {

	private static final Caller SUBMITTING = Caller.gateway("submissions:write");

	private static final Caller READING = Caller.gateway("submissions:read");

	private final AssessmentApi assessment;

	ColleagueClient(AssessmentApi assessment) {
		this.assessment = assessment;
	}

	/**
	 * Invites a colleague by email to answer the submission's technical questions.
	 * @return when it was sent, or empty when the service does not know the submission
	 * @throws SubmissionRejectedException when the address or confirmation is refused, or
	 * the result may not invite (no contact details yet, a colleague answered already,
	 * too many invitations: a field error without a field)
	 */
	public Optional<Invited> invite(UUID submissionId, Invitation invitation) {
		try {
			return Optional.ofNullable(assessment.inviteColleague(SUBMITTING, submissionId, invitation));
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			throw conflictOrInvalid(refusal);
		}
	}

	/**
	 * What an invitation link leads to, or empty when the link is not one (forged,
	 * unknown, withdrawn).
	 */
	public Optional<Link> link(String token) {
		try {
			return Optional.ofNullable(assessment.colleagueLink(READING, token));
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST)) {
				return Optional.empty();
			}
			throw new ServiceRefusedException(refusal);
		}
	}

	/**
	 * Sends a colleague's answers, which merge into the company result.
	 * @return the submission they merged into, or empty when the link is not one
	 * @throws SubmissionRejectedException when answers or details are refused, or the
	 * link expired or was answered meanwhile (a field error without a field)
	 */
	public Optional<UUID> answer(String token, Answers answers) {
		try {
			return Optional.ofNullable(assessment.colleagueAnswers(SUBMITTING, token, answers))
				.map(Answered::submissionId);
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			throw conflictOrInvalid(refusal);
		}
	}

	private static RuntimeException conflictOrInvalid(Refusal refusal) {
		return refusal.is(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT)
				? Refusals.submission(refusal) : new ServiceRefusedException(refusal);
	}

	/** A colleague to invite; {@code expected} confirms they expect the email. */
	public record Invitation(String email, boolean expected) {
	}

	public record Invited(Instant invitedAt, Instant expiresAt) {
	}

	/**
	 * Where an invitation link stands ({@code open}, {@code expired}, {@code answered})
	 * and the steps and questions it asks.
	 */
	public record Link(String state, int questionnaireVersion, Instant expiresAt, List<String> steps,
			List<String> questions) {

		public Link {
			steps = (steps != null) ? List.copyOf(steps) : List.of();
			questions = (questions != null) ? List.copyOf(questions) : List.of();
		}

		public boolean open() {
			return "open".equals(state);
		}

	}

	/** A colleague's answers, who they are, and their consent. */
	public record Answers(Map<String, Object> answers, Contact contact, ConsentGiven consent) {
	}

	public record Contact(String name, String email) {
	}

	record Answered(UUID submissionId) {
	}

}
