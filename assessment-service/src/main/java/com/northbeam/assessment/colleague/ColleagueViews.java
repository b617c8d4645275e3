package com.northbeam.assessment.colleague;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.colleague.ColleagueRepository.Response;
import com.northbeam.assessment.lead.LeadRespondents;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.QuestionDomains;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.submission.ResultRespondents;
import com.northbeam.assessment.submission.ResultRespondents.Disagreement;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * The colleague as a result shows them (when invited and answered, and every
 * disagreement, without personal data) and as a lead shows them (who they are, their
 * consent), with their personal data's export and erasure.
 */
@Component
class ColleagueViews implements ResultRespondents, LeadRespondents {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final ColleagueRepository repository;

	private final Questionnaires questionnaires;

	private final QuestionDomains domains;

	private final ObjectMapper json;

	ColleagueViews(ColleagueRepository repository, Questionnaires questionnaires, QuestionDomains domains,
			ObjectMapper json) {
		this.repository = repository;
		this.questionnaires = questionnaires;
		this.domains = domains;
		this.json = json;
	}

	@Override
	public Optional<ResultRespondents.Colleague> forResult(UUID submissionId) {
		return this.repository.findResultPart(submissionId)
			.map((part) -> new ResultRespondents.Colleague(part.invitedAt(),
					(part.response() != null) ? part.response().createdAt() : null,
					(part.response() != null) ? disagreements(part.response()) : List.of()));
	}

	@Override
	public Optional<LeadRespondents.Colleague> colleague(UUID submissionId) {
		return this.repository.findResultPart(submissionId).map((part) -> {
			Response response = part.response();
			if (response == null) {
				return new LeadRespondents.Colleague(null, null, null, null, part.invitedAt(), null, List.of(), false);
			}
			return new LeadRespondents.Colleague(response.name(), response.email(), response.consentVersion(),
					response.createdAt(), part.invitedAt(), response.createdAt(),
					disagreements(response).stream().map((disagreement) -> label(response, disagreement)).toList(),
					response.erasedAt() != null);
		});
	}

	@Override
	public Optional<Map<String, Object>> personalData(UUID submissionId) {
		List<ColleagueRepository.Invitation> invitations = this.repository.invitations(submissionId);
		if (invitations.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("invitations", invitations.stream()
			.map((invitation) -> invitationData(invitation.email(), invitation.createdAt(), invitation.expiresAt()))
			.toList());
		this.repository.findResponse(submissionId).ifPresent((response) -> {
			data.put("name", response.name());
			data.put("email", response.email());
			data.put("consent", Map.of("textVersion", response.consentVersion(), "acceptedAt", response.createdAt()));
			data.put("answeredAt", response.createdAt());
			data.put("answers", this.json.readValue(response.answers(), ANSWERS));
			data.put("erased", response.erasedAt() != null);
		});
		return Optional.of(data);
	}

	private static Map<String, Object> invitationData(String email, Instant invitedAt, Instant expiresAt) {
		Map<String, Object> invitation = new LinkedHashMap<>();
		invitation.put("email", email);
		invitation.put("invitedAt", invitedAt);
		invitation.put("expiresAt", expiresAt);
		return invitation;
	}

	@Override
	public boolean eraseColleague(UUID submissionId, Instant at) {
		return this.repository.erase(submissionId, at);
	}

	@Override
	public boolean eraseColleagues(UUID submissionId, Instant at) {
		return this.repository.eraseAll(submissionId, at);
	}

	private String label(Response response, Disagreement disagreement) {
		return this.questionnaires.version(response.questionnaireVersion())
			.flatMap((questionnaire) -> questionnaire.question(disagreement.question()))
			.map(Questionnaire.Question::label)
			.orElse(disagreement.question());
	}

	/** Worked out from both sets of answers, with the domains of their version. */
	private List<Disagreement> disagreements(Response response) {
		Questionnaire questionnaire = this.questionnaires.version(response.questionnaireVersion()).orElseThrow();
		return AnswerMerge
			.merge(questionnaire, (id) -> this.domains.technical(questionnaire, id),
					this.json.readValue(response.respondentAnswers(), ANSWERS),
					this.json.readValue(response.answers(), ANSWERS))
			.disagreements();
	}

}
