package com.northbeam.gateway.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of assessment-service: the questionnaire, submissions and their
 * results.
 */
@Component
public class AssessmentClient {

	private static final Caller SUBMITTING = Caller.gateway("submissions:write");

	private static final Caller READING = Caller.gateway("submissions:read");

	private final AssessmentApi assessment;

	AssessmentClient(AssessmentApi assessment) {
		this.assessment = assessment;
	}

	/** The questionnaire prospects answer now. */
	public Questionnaire currentQuestionnaire() {
		return assessment.currentQuestionnaire();
	}

	/**
	 * Sends a submission; sending the same id again returns the stored result.
	 * @throws SubmissionRejectedException when the service refuses the input
	 * @throws ServiceUnavailableException when the service cannot take it now
	 * @throws ServiceRefusedException when the service refuses the gateway's call itself
	 */
	public SubmissionResult submit(SubmissionRequest submission) {
		try {
			return assessment.submit(SUBMITTING, submission);
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT)) {
				throw Refusals.submission(refusal);
			}
			throw new ServiceRefusedException(refusal);
		}
	}

	/**
	 * A stored result without contact details, or empty when the service does not know
	 * the id.
	 */
	public Optional<SubmissionResult> result(UUID id) {
		try {
			return Optional.ofNullable(assessment.result(READING, id));
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			throw new ServiceRefusedException(refusal);
		}
	}

	/**
	 * Adds contact details to a submission made with {@code contactLater}; details given
	 * before are kept and not replaced.
	 * @return the result, or empty when the service does not know the submission
	 * @throws SubmissionRejectedException when the service refuses the details
	 * @throws ServiceUnavailableException when the service cannot take them now
	 */
	public Optional<SubmissionResult> giveContact(UUID submissionId, ContactDetails details) {
		try {
			return Optional.ofNullable(assessment.giveContact(SUBMITTING, submissionId, details));
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			throw invalid(refusal);
		}
	}

	/**
	 * Asks for a consultation about a submission.
	 * @return {@code false} when the service does not offer consultation requests (yet)
	 * or does not know the submission yet, so the caller keeps the request and tries
	 * again later
	 */
	public boolean requestConsultation(UUID submissionId, ConsultationRequest request) {
		try {
			assessment.requestConsultation(SUBMITTING, submissionId, request);
			return true;
		}
		catch (Refusal refusal) {
			if (refusal.is(HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED)) {
				return false;
			}
			throw invalid(refusal);
		}
	}

	private static RuntimeException invalid(Refusal refusal) {
		return refusal.is(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_CONTENT) ? Refusals.submission(refusal)
				: new ServiceRefusedException(refusal);
	}

	public record Questionnaire(int version, List<Step> steps, List<Question> questions, Consent consent,
			List<Field> costFields, List<Field> contactFields) {

		public Questionnaire {
			steps = (steps != null) ? List.copyOf(steps) : List.of();
			questions = (questions != null) ? List.copyOf(questions) : List.of();
			costFields = (costFields != null) ? List.copyOf(costFields) : List.of();
			contactFields = (contactFields != null) ? List.copyOf(contactFields) : List.of();
		}

		public Optional<Question> question(String id) {
			return questions.stream().filter((question) -> question.id().equals(id)).findFirst();
		}

	}

	public record Step(String id, String title, String intro, List<String> questionIds, List<String> fieldIds) {

		public Step {
			questionIds = (questionIds != null) ? List.copyOf(questionIds) : List.of();
			fieldIds = (fieldIds != null) ? List.copyOf(fieldIds) : List.of();
		}

	}

	public record Question(String id, String kind, String label, String help, Boolean required, List<Option> options,
			ShowWhen showWhen, String answerWhenHidden) {

		public Question {
			required = (required == null) || required;
			options = (options != null) ? List.copyOf(options) : List.of();
		}

		public boolean multi() {
			return "multi".equals(kind);
		}

		public boolean hasOption(String code) {
			return options.stream().anyMatch((option) -> option.code().equals(code));
		}

	}

	public record Option(String code, String label) {
	}

	/** Show a question only when another was answered with one of {@code anyOf}. */
	public record ShowWhen(String question, List<String> anyOf) {

		public ShowWhen {
			anyOf = (anyOf != null) ? List.copyOf(anyOf) : List.of();
		}

	}

	public record Consent(String version, String text) {
	}

	/** A cost or contact field. */
	public record Field(String id, String kind, String label, String help, Boolean required, BigDecimal min,
			BigDecimal max, Integer maxLength) {

		public Field {
			required = Boolean.TRUE.equals(required);
		}

	}

	/**
	 * A submission as assessment-service takes it: {@code contactLater} when contact
	 * details come after the result, {@code screening} when something looked automated,
	 * {@code readingHistory} the pages read before, {@code retake} for a retake.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SubmissionRequest(UUID id, Map<String, Object> answers, Map<String, BigDecimal> costs,
			Contact contact, ConsentGiven consent, Attribution attribution, Boolean contactLater,
			SubmissionScreening screening, List<PageRead> readingHistory, String retake) {
	}

	/** Contact details and consent given on the result page. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ContactDetails(Contact contact, ConsentGiven consent, SubmissionScreening screening) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Contact(String name, String email, String company, String phone, String role) {
	}

	public record ConsentGiven(boolean accepted, String textVersion) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Attribution(@JsonProperty("utm_source") String utmSource,
			@JsonProperty("utm_medium") String utmMedium, @JsonProperty("utm_campaign") String utmCampaign,
			String referrer, String landing) {

		public static final Attribution NONE = new Attribution(null, null, null, null, null);

	}

	/**
	 * {@code contactGiven} is {@code false} while a prospect who saw the result first has
	 * left no details; older results lack {@code runnerUp} and {@code tipping} (close
	 * calls), and only a retake's has {@code retake} (what changed).
	 */
	public record SubmissionResult(UUID id, Integer questionnaireVersion, Object rulesVersion, String recommendation,
			Fit fit, Double confidence, String confidenceLabel, String summary, List<Factor> factors, JsonNode priority,
			Cost cost, Instant createdAt, Map<String, Object> answers, Boolean contactGiven, String runnerUp,
			List<Tip> tipping, Instant scoredAt, Brief.Responsibility responsibility, ResultColleague colleague,
			Changes retake) {

		public SubmissionResult {
			factors = (factors != null) ? List.copyOf(factors) : List.of();
			answers = (answers != null) ? Map.copyOf(answers) : Map.of();
			tipping = (tipping != null) ? List.copyOf(tipping) : List.of();
		}

		public boolean needsContact() {
			return Boolean.FALSE.equals(contactGiven);
		}

		public boolean closeCall() {
			return "close".equals(confidenceLabel);
		}

		public SubmissionResult withContactGiven() {
			return new SubmissionResult(id, questionnaireVersion, rulesVersion, recommendation, fit, confidence,
					confidenceLabel, summary, factors, priority, cost, createdAt, answers, true, runnerUp, tipping,
					scoredAt, responsibility, colleague, retake);
		}

	}

	public record Fit(@JsonProperty("co_managed") double coManaged, @JsonProperty("fully_managed") double fullyManaged,
			@JsonProperty("hybrid") double hybrid) {
	}

	/** The yearly cost of today's setup and of each model, itemised. */
	public record Cost(String currency, Integer users, Double itStaff, boolean estimated, Setup current,
			@JsonProperty("co_managed") Setup coManaged, @JsonProperty("fully_managed") Setup fullyManaged) {
	}

	public record Setup(String label, long total, List<CostItem> items) {

		public Setup {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	public record CostItem(String code, String label, long amount, boolean estimated) {
	}

	/**
	 * @param direction {@code for} when the factor speaks for the recommended model,
	 * {@code against} when it points the other way (absent from older results)
	 * @param fitDelta how many fit points it moved the fit of {@code model}
	 */
	public record Factor(String code, String model, Double weight, String reason, String guideAnchor, String direction,
			Integer fitDelta) {

		/**
		 * Whether it speaks for {@code recommendation}, from the model it names if no
		 * direction was given.
		 */
		public boolean pointsTo(String recommendation) {
			return (direction != null) ? "for".equals(direction) : Objects.equals(model, recommendation);
		}

	}

	/** A single answer that would tip a close call to {@code recommendation}. */
	public record Tip(String question, List<String> answer, String recommendation, String explanation) {

		public Tip {
			answer = (answer != null) ? List.copyOf(answer) : List.of();
		}

	}

}
