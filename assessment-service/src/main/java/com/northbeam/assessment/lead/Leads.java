package com.northbeam.assessment.lead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.lead.LeadDetail.Answer;
import com.northbeam.assessment.lead.LeadDetail.TimelineEntry;
import com.northbeam.assessment.lead.LeadDetail.Value;
import com.northbeam.assessment.lead.LeadRepository.Event;
import com.northbeam.assessment.lead.LeadRepository.LeadRecord;
import com.northbeam.assessment.lead.LeadRepository.LeadRow;
import com.northbeam.assessment.lead.LeadRepository.State;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lead feature's face: the list, the detail, the pipeline, notes, consultation
 * requests, the CSV export, and the privacy operations (personal data export, erasure,
 * retention) that other features call. Every staff read and change is written to the
 * audit trail.
 */
@Service
public class Leads {

	/** Outbox event kinds. */
	static final String LEAD_CREATED = "lead.created";

	static final String CONSULTATION_REQUESTED = "consultation.requested";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private final LeadRepository repository;

	private final Questionnaires questionnaires;

	private final Audit audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Leads(LeadRepository repository, Questionnaires questionnaires, Audit audit, ObjectMapper json, Clock clock,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.questionnaires = questionnaires;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	record Page(List<LeadRow> items, String nextCursor) {
	}

	/** A page of the lead list as a staff member reads it (audited with the filter). */
	Page list(LeadFilter filter, String sort, int limit, String after, String actor) {
		Page page = list(filter, sort, limit, after);
		this.audit.recordRead(actor, Audit.LEADS_LISTED, null, filter.toString());
		return page;
	}

	Page list(LeadFilter filter, String sort, int limit, String after) {
		checkSort(sort);
		if (limit < 1 || limit > 200) {
			throw InvalidInputException.of("limit", "must be between 1 and 200");
		}
		LeadCursor cursor = (after != null && !after.isBlank()) ? LeadCursor.decode(after, sort) : null;
		List<LeadRow> rows = this.repository.page(filter, sort, cursor, limit + 1);
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		List<LeadRow> page = List.copyOf(rows.subList(0, limit));
		LeadRow last = page.get(limit - 1);
		return new Page(page, new LeadCursor(sort, last.priority(), last.createdAt(), last.id()).encode());
	}

	static void checkSort(String sort) {
		if (!LeadCursor.PRIORITY.equals(sort) && !LeadCursor.NEWEST.equals(sort)) {
			throw InvalidInputException.of("sort", "must be priority or newest");
		}
	}

	/** The detail of a lead as a staff member reads it (audited). */
	LeadDetail read(UUID id, String actor) {
		LeadDetail detail = detail(id);
		this.audit.recordRead(actor, Audit.LEAD_READ, id, null);
		return detail;
	}

	LeadDetail detail(UUID id) {
		LeadRecord lead = this.repository.find(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
		JsonNode result = (lead.result() != null) ? this.json.readTree(lead.result()) : this.json.createObjectNode();
		JsonNode cost = result.path("cost");
		JsonNode priorityFactors = result.path("priority").path("factors");
		if (result instanceof ObjectNode object) {
			object.remove("answers");
			object.remove("cost");
		}
		List<TimelineEntry> timeline = new ArrayList<>();
		timeline.add(new TimelineEntry(lead.createdAt(), "prospect", "created", "from " + lead.source()));
		for (Event event : this.repository.events(id)) {
			timeline.add(new TimelineEntry(event.at(), event.actor(), event.kind(), event.detail()));
		}
		LeadDetail.Consultation consultation = this.repository.consultation(id)
			.map((c) -> new LeadDetail.Consultation(c.preferredTimes(), c.message(), c.requestedAt()))
			.orElse(null);
		return new LeadDetail(lead.id(), lead.version(),
				new LeadDetail.Contact(lead.name(), lead.email(), lead.company(), lead.phone(), lead.role()),
				lead.status(), lead.owner(), lead.lostReason(), lead.priority(),
				priorityFactors.isMissingNode() ? this.json.createArrayNode() : priorityFactors, lead.recommendation(),
				answers(lead), result, cost.isMissingNode() ? null : cost,
				new LeadDetail.Attribution(lead.utmSource(), lead.utmMedium(), lead.utmCampaign(), lead.referrer(),
						lead.landing()),
				consultation, timeline, lead.createdAt(), lead.updatedAt(), lead.erasedAt() != null);
	}

	private List<Answer> answers(LeadRecord lead) {
		Map<String, List<String>> values = this.json.readValue(lead.answers(), ANSWERS);
		Optional<Questionnaire> questionnaire = this.questionnaires.version(lead.questionnaireVersion());
		List<Answer> answers = new ArrayList<>();
		if (questionnaire.isEmpty()) {
			values.forEach((id, codes) -> answers
				.add(new Answer(id, id, codes.stream().map((code) -> new Value(code, code)).toList())));
			return answers;
		}
		for (Question question : questionnaire.get().questions()) {
			List<String> codes = values.get(question.id());
			if (codes != null) {
				answers.add(new Answer(question.id(), question.label(),
						codes.stream()
							.map((code) -> new Value(code, question.optionLabel(code).orElse(code)))
							.toList()));
			}
		}
		return answers;
	}

	LeadDetail changeStatus(UUID id, String actor, Integer version, String status, String lostReason) {
		List<FieldError> errors = new ArrayList<>();
		if (version == null) {
			errors.add(new FieldError("version", "is required"));
		}
		if (status == null || !Pipeline.isStatus(status)) {
			errors.add(new FieldError("status", "must be one of " + Pipeline.STATUSES));
		}
		String reason = (lostReason != null && !lostReason.isBlank()) ? lostReason.strip() : null;
		if (Pipeline.LOST.equals(status) && reason == null) {
			errors.add(new FieldError("lostReason", "is required when a lead is lost"));
		}
		if (reason != null && reason.length() > 500) {
			errors.add(new FieldError("lostReason", "must be at most 500 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.transactions.executeWithoutResult((tx) -> {
			State state = lockCurrent(id, version);
			if (!Pipeline.allows(state.status(), status)) {
				throw new StaleLeadException("A lead in " + state.status() + " cannot move to " + status, detail(id),
						List.of(new FieldError("status", "cannot move from " + state.status() + " to " + status)));
			}
			Instant now = now();
			this.repository.updateStatus(id, version, status, Pipeline.LOST.equals(status) ? reason : null, now);
			this.repository.addEvent(id, new Event(now, actor, "status",
					state.status() + " → " + status + (Pipeline.LOST.equals(status) ? ": " + reason : "")));
			this.audit.record(actor, Audit.LEAD_CHANGED, id, "status " + state.status() + " → " + status, now);
		});
		return detail(id);
	}

	LeadDetail assign(UUID id, String actor, Integer version, String owner) {
		String newOwner = (owner != null && !owner.isBlank()) ? owner.strip() : null;
		List<FieldError> errors = new ArrayList<>();
		if (version == null) {
			errors.add(new FieldError("version", "is required"));
		}
		if (newOwner != null && (newOwner.length() > 200 || !EMAIL.matcher(newOwner).matches())) {
			errors.add(new FieldError("owner", "must be a staff email address or null"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.transactions.executeWithoutResult((tx) -> {
			lockCurrent(id, version);
			Instant now = now();
			this.repository.updateOwner(id, version, newOwner, now);
			this.repository.addEvent(id,
					new Event(now, actor, "assigned", (newOwner != null) ? newOwner : "unassigned"));
			this.audit.record(actor, Audit.LEAD_CHANGED, id, "owner", now);
		});
		return detail(id);
	}

	private State lockCurrent(UUID id, int version) {
		State state = this.repository.lock(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
		if (state.version() != version) {
			throw new StaleLeadException("The lead was changed meanwhile; it is now at version " + state.version(),
					detail(id), List.of(new FieldError("version",
							"is " + version + " but the lead is at version " + state.version())));
		}
		return state;
	}

	TimelineEntry addNote(UUID id, String actor, String text) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("text", "is required");
		}
		if (text.length() > 4000) {
			throw InvalidInputException.of("text", "must be at most 4000 characters");
		}
		Instant now = now();
		return this.transactions.execute((tx) -> {
			this.repository.lock(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
			this.repository.touch(id, now);
			Event event = new Event(now, actor, "note", text.strip());
			this.repository.addEvent(id, event);
			this.audit.record(actor, Audit.LEAD_CHANGED, id, "note", now);
			return new TimelineEntry(event.at(), event.actor(), event.kind(), event.detail());
		});
	}

	/**
	 * Attaches a prospect's consultation request to the lead of {@code submissionId}; the
	 * same request again changes nothing, a different one replaces it. Returns the lead's
	 * id.
	 */
	UUID requestConsultation(UUID submissionId, String preferredTimes, String message) {
		List<FieldError> errors = new ArrayList<>();
		String times = (preferredTimes != null && !preferredTimes.isBlank()) ? preferredTimes.strip() : null;
		String text = (message != null && !message.isBlank()) ? message.strip() : null;
		if (times != null && times.length() > 500) {
			errors.add(new FieldError("preferredTimes", "must be at most 500 characters"));
		}
		if (text != null && text.length() > 2000) {
			errors.add(new FieldError("message", "must be at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return this.transactions.execute((tx) -> {
			UUID leadId = this.repository.lockBySubmission(submissionId)
				.orElseThrow(() -> new NotFoundException("There is no submission " + submissionId));
			Optional<LeadRepository.Consultation> existing = this.repository.consultation(leadId);
			if (existing.isPresent() && same(existing.get().preferredTimes(), times)
					&& same(existing.get().message(), text)) {
				return leadId;
			}
			Instant now = now();
			this.repository.saveConsultation(leadId, new LeadRepository.Consultation(times, text, now));
			this.repository.touch(leadId, now);
			this.repository.addEvent(leadId,
					new Event(now, "prospect", "consultation",
							((times != null) ? "preferred times: " + times : "no preferred times")
									+ ((text != null) ? "; " + text : "")));
			this.repository.addOutboxEvent(leadId, CONSULTATION_REQUESTED, now);
			return leadId;
		});
	}

	private static boolean same(String a, String b) {
		return (a == null) ? b == null : a.equals(b);
	}

	/**
	 * Writes every lead matching {@code filter} as CSV to {@code out}, streaming
	 * (audited).
	 */
	void exportCsv(LeadFilter filter, String sort, String actor, Writer out) {
		checkSort(sort);
		this.audit.record(actor, Audit.LEADS_EXPORTED, null, filter.toString());
		try {
			out.write(Csv.row(List.of("id", "createdAt", "name", "company", "email", "phone", "role", "recommendation",
					"priority", "status", "owner", "lostReason", "source", "updatedAt")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.transactions.executeWithoutResult((tx) -> this.repository.stream(filter, sort, (row) -> {
			LeadRow lead = row.lead();
			List<String> cells = new ArrayList<>(14);
			cells.add(lead.id().toString());
			cells.add(lead.createdAt().toString());
			cells.add(lead.name());
			cells.add(lead.company());
			cells.add(lead.email());
			cells.add(row.phone());
			cells.add(row.role());
			cells.add(lead.recommendation());
			cells.add(Integer.toString(lead.priority()));
			cells.add(lead.status());
			cells.add(lead.owner());
			cells.add(row.lostReason());
			cells.add(lead.source());
			cells.add(row.updatedAt().toString());
			try {
				out.write(Csv.row(cells));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}));
	}

	/**
	 * All personal data held about a lead, for a data subject's access request (audited).
	 */
	public Map<String, Object> personalData(UUID id, String actor) {
		LeadDetail detail = detail(id);
		LeadRecord lead = this.repository.find(id).orElseThrow();
		Instant now = now();
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.addEvent(id, new Event(now, actor, "exported", "personal data exported"));
			this.audit.record(actor, Audit.LEAD_DATA_EXPORTED, id, null, now);
		});
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("leadId", id);
		data.put("submissionId", lead.submissionId());
		data.put("exportedAt", now);
		data.put("contact", detail.contact());
		data.put("consent", (lead.consentVersion() != null)
				? Map.of("textVersion", lead.consentVersion(), "acceptedAt", lead.consentedAt()) : null);
		data.put("answers", detail.answers());
		data.put("attribution", detail.attribution());
		data.put("consultation", detail.consultation());
		data.put("status", detail.status());
		data.put("owner", detail.owner());
		data.put("recommendation", detail.recommendation());
		data.put("priority", detail.priority());
		data.put("timeline", detail.timeline());
		data.put("createdAt", detail.createdAt());
		data.put("updatedAt", detail.updatedAt());
		data.put("erased", detail.erased());
		return data;
	}

	/**
	 * Erases a lead's personal data (audited); the lead stays for statistics. Returns
	 * {@code false} if it had been erased before.
	 */
	public boolean erase(UUID id, String actor) {
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			this.repository.lock(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
			return eraseLocked(id, actor, now());
		}));
	}

	private boolean eraseLocked(UUID id, String actor, Instant now) {
		if (!this.repository.erase(id, now)) {
			return false;
		}
		this.repository.addEvent(id, new Event(now, actor, "erased", "personal data erased"));
		this.audit.record(actor, Audit.LEAD_ERASED, id, null, now);
		return true;
	}

	/**
	 * Erases, in one transaction, up to {@code batch} leads untouched since
	 * {@code cutoff} that no other replica is erasing right now; returns how many were
	 * erased.
	 */
	public int eraseUntouched(Instant cutoff, int batch, String actor, Instant now) {
		Integer erased = this.transactions.execute((tx) -> {
			int count = 0;
			for (UUID id : this.repository.lockUntouched(cutoff, batch)) {
				if (eraseLocked(id, actor, now)) {
					count++;
				}
			}
			return count;
		});
		return (erased != null) ? erased : 0;
	}

}
