package com.northbeam.assessment.colleague;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.colleague.AnswerMerge.Merged;
import com.northbeam.assessment.colleague.ColleagueRepository.Invitation;
import com.northbeam.assessment.colleague.InvitationLinks.Link;
import com.northbeam.assessment.lead.LeadIntake;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.QuestionDomains;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.submission.SubmissionAnswers;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A respondent invites a colleague (usually the IT person) by email to answer the
 * technical questions; the colleague opens the signed link, answers just those steps,
 * says who they are and consents. Their answers merge into the company's result on the
 * same submission and lead ({@link AnswerMerge}): no second lead, no quarantine, no
 * new-lead notification, only a timeline entry.
 */
@Service
class Colleagues {

	// As simple as the submission's check: one @, no spaces, a dot in the domain.
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

	private final ColleagueRepository repository;

	private final InvitationLinks links;

	private final SubmissionAnswers submissions;

	private final LeadIntake leads;

	private final Questionnaires questionnaires;

	private final QuestionDomains domains;

	private final ColleagueProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final Clock clock;

	Colleagues(ColleagueRepository repository, InvitationLinks links, SubmissionAnswers submissions, LeadIntake leads,
			Questionnaires questionnaires, QuestionDomains domains, ColleagueProperties properties,
			ApplicationEventPublisher events, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
		this.repository = repository;
		this.links = links;
		this.submissions = submissions;
		this.leads = leads;
		this.questionnaires = questionnaires;
		this.domains = domains;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/** A sent invitation: when, and until when its link works. */
	record Invited(Instant invitedAt, Instant expiresAt) {
	}

	Invited invite(UUID submissionId, ColleagueRequests.Invitation request) {
		List<FieldError> errors = new ArrayList<>();
		String email = email("email", (request != null) ? request.email() : null, errors);
		if (request == null || !Boolean.TRUE.equals(request.expected())) {
			errors.add(new FieldError("expected", "must be true: the colleague must expect the email"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		SubmissionAnswers.Stored stored = this.submissions.find(submissionId)
			.orElseThrow(() -> new NotFoundException("There is no submission " + submissionId));
		if (!stored.contactGiven()) {
			throw new ConflictException("Give your own contact details before inviting a colleague", List.of());
		}
		Instant now = now();
		Invitation invitation = new Invitation(UUID.randomUUID(), submissionId, email, now,
				now.plus(this.properties.linkValidity()));
		this.transactions.executeWithoutResult((tx) -> {
			if (this.repository.findResponse(submissionId).isPresent()) {
				throw new ConflictException("A colleague has answered already", List.of());
			}
			if (this.repository.countInvitations(submissionId) >= this.properties.maxInvitations()) {
				throw new ConflictException("This result has sent " + this.properties.maxInvitations()
						+ " invitations, the most it may send", List.of());
			}
			this.repository.insert(invitation);
			this.events.publishEvent(new ColleagueInvited(invitation.id(), now));
		});
		return new Invited(now, invitation.expiresAt());
	}

	/**
	 * What the colleague's page needs: whether the link still works ({@code open},
	 * {@code expired} or {@code answered}) and which steps and questions to ask.
	 */
	record LinkState(String state, int questionnaireVersion, Instant expiresAt, List<String> steps,
			List<String> questions) {
	}

	LinkState link(String token) {
		Link link = this.links.read(token).orElseThrow(() -> new NotFoundException("This link is not valid"));
		Invitation invitation = invitation(link);
		SubmissionAnswers.Stored stored = this.submissions.find(invitation.submissionId()).orElseThrow();
		Questionnaire questionnaire = this.questionnaires.version(stored.questionnaireVersion()).orElseThrow();
		String state = this.repository.findResponse(invitation.submissionId()).isPresent() ? "answered"
				: link.expired(this.clock.instant()) ? "expired" : "open";
		return new LinkState(state, questionnaire.version(), link.expiresAt(),
				this.domains.technicalSteps(questionnaire).stream().map(Questionnaire.Step::id).toList(),
				this.domains.technicalQuestions(questionnaire));
	}

	/** Takes the colleague's answers and merges them; returns the submission's id. */
	UUID answer(String token, ColleagueRequests.Answers request) {
		Link link = this.links.read(token).orElseThrow(() -> new NotFoundException("This link is not valid"));
		Invitation invitation = invitation(link);
		if (link.expired(this.clock.instant())) {
			throw new ConflictException("This invitation has expired; ask for a new one", List.of());
		}
		UUID submissionId = invitation.submissionId();
		SubmissionAnswers.Stored stored = this.submissions.find(submissionId).orElseThrow();
		if (this.repository.findResponse(submissionId).isPresent()) {
			throw new ConflictException("A colleague has answered already", List.of());
		}
		Questionnaire questionnaire = this.questionnaires.version(stored.questionnaireVersion()).orElseThrow();
		List<FieldError> errors = new ArrayList<>();
		Map<String, List<String>> colleague = technicalAnswers(questionnaire, stored, request, errors);
		String name = name(request, errors);
		String email = email("contact.email", (request.contact() != null) ? request.contact().email() : null, errors);
		checkConsent(questionnaire, request.consent(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Merged merged = AnswerMerge.merge(questionnaire, (id) -> this.domains.technical(questionnaire, id),
				stored.answers(), colleague);
		Instant now = now();
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.repository
					.insert(new ColleagueRepository.Response(submissionId, invitation.id(), questionnaire.version(),
							name, email, questionnaire.consent().version(), this.json.writeValueAsString(colleague),
							this.json.writeValueAsString(stored.answers()), now, null));
				SubmissionAnswers.Change change = this.submissions.replace(submissionId,
						new Answers(questionnaire.version(), merged.answers()), now);
				this.leads.colleagueAnswered(submissionId, new LeadIntake.ColleagueAnswers(change.recommendation(),
						change.priority(), merged.disagreements().size(), now));
			});
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A colleague has answered already", List.of());
		}
		return submissionId;
	}

	private Invitation invitation(Link link) {
		// An erased colleague's invitations are withdrawn.
		return this.repository.findInvitation(link.invitationId())
			.filter((found) -> found.email() != null)
			.orElseThrow(() -> new NotFoundException("This invitation does not exist any more"));
	}

	/**
	 * Checks the colleague's answers together with the respondent's business answers, so
	 * the questionnaire's rules (required, hidden, options) apply as to any submission;
	 * only technical questions may be answered.
	 */
	private Map<String, List<String>> technicalAnswers(Questionnaire questionnaire, SubmissionAnswers.Stored stored,
			ColleagueRequests.Answers request, List<FieldError> errors) {
		JsonNode raw = request.answers();
		if (raw == null || !raw.isObject()) {
			errors.add(new FieldError("answers", "must map question ids to codes"));
			return Map.of();
		}
		List<String> technical = this.domains.technicalQuestions(questionnaire);
		ObjectNode combined = this.json.createObjectNode();
		stored.answers().forEach((id, codes) -> {
			boolean multi = questionnaire.question(id).map(Questionnaire.Question::multi).orElse(true);
			if (!technical.contains(id)) {
				combined.set(id, (multi || codes.size() != 1) ? this.json.valueToTree(codes)
						: this.json.getNodeFactory().stringNode(codes.get(0)));
			}
		});
		for (String id : raw.propertyNames()) {
			if (technical.contains(id)) {
				combined.set(id, raw.get(id));
			}
			else {
				errors.add(new FieldError("answers." + ((id.length() > 64) ? id.substring(0, 64) + "…" : id),
						"is not one of the questions a colleague answers"));
			}
		}
		Answers checked = Questionnaires.check(questionnaire, combined, errors);
		Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
		checked.values().forEach((id, codes) -> {
			if (technical.contains(id)) {
				answers.put(id, codes);
			}
		});
		return answers;
	}

	private static String name(ColleagueRequests.Answers request, List<FieldError> errors) {
		String name = (request.contact() != null && request.contact().name() != null) ? request.contact().name().strip()
				: "";
		if (name.isEmpty()) {
			errors.add(new FieldError("contact.name", "is required"));
		}
		else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError("contact.name", "must be at most 200 characters, without control characters"));
		}
		return name;
	}

	private static String email(String field, String value, List<FieldError> errors) {
		String email = (value != null) ? value.strip() : "";
		if (email.isEmpty()) {
			errors.add(new FieldError(field, "is required"));
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			errors.add(new FieldError(field, "is not a valid email address"));
		}
		return email;
	}

	private static void checkConsent(Questionnaire questionnaire, ColleagueRequests.Consent consent,
			List<FieldError> errors) {
		if (consent == null || !Boolean.TRUE.equals(consent.accepted())) {
			errors.add(new FieldError("consent.accepted", "must be true: consent is required"));
		}
		if (consent == null || consent.textVersion() == null
				|| !consent.textVersion().equals(questionnaire.consent().version())) {
			errors.add(new FieldError("consent.textVersion",
					"must be the consent text version of questionnaire version " + questionnaire.version()));
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
