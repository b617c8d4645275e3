package com.northbeam.assessment.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.brief.Briefs;
import com.northbeam.assessment.lead.LeadDetails.Found;
import com.northbeam.assessment.lead.LeadErasureRepository.Locked;
import com.northbeam.assessment.lead.LeadSubmissions.Submission;
import com.northbeam.assessment.lead.LeadTimelineRepository.Event;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lead's personal data for the privacy feature: the export for a data subject's access
 * request, erasure on request and after the retention period. Audited.
 */
@Service
public class LeadPrivacy {

	private final LeadRepository repository;

	private final LeadTimelineRepository timeline;

	private final LeadDetails details;

	private final LeadSubmissions submissions;

	private final Briefs briefs;

	private final LeadRespondents respondents;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final LeadAssessmentRepository assessments;

	private final LeadErasureRepository erasures;

	LeadPrivacy(LeadRepository repository, LeadTimelineRepository timeline, LeadDetails details,
			LeadSubmissions submissions, Briefs briefs, LeadRespondents respondents, Audit audit, Clock clock,
			TransactionTemplate transactions, LeadAssessmentRepository assessments, LeadErasureRepository erasures) {
		this.erasures = erasures;
		this.respondents = respondents;
		this.assessments = assessments;
		this.repository = repository;
		this.timeline = timeline;
		this.details = details;
		this.submissions = submissions;
		this.briefs = briefs;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * All personal data held about a lead, for a data subject's access request (audited).
	 */
	public Map<String, Object> personalData(UUID id, String actor) {
		Found found = this.details.find(id);
		LeadDetail detail = this.details.detail(found);
		Submission submission = found.submission();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.transactions.executeWithoutResult((tx) -> {
			this.timeline.addEvent(id, new Event(now, actor, "exported", "personal data exported"));
			this.audit.record(actor, Audit.LEAD_DATA_EXPORTED, id, null, now);
		});
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("leadId", id);
		data.put("submissionId", found.lead().submissionId());
		data.put("exportedAt", now);
		data.put("contact", detail.contact());
		data.put("consent", (submission.consentVersion() != null)
				? Map.of("textVersion", submission.consentVersion(), "acceptedAt", submission.consentedAt()) : null);
		data.put("answers", detail.answers());
		data.put("attribution", detail.attribution());
		data.put("consultation", detail.consultation());
		data.put("status", detail.status());
		data.put("owner", detail.owner());
		data.put("recommendation", detail.recommendation());
		data.put("priority", detail.priority());
		data.put("timeline", detail.timeline());
		data.put("readingHistory", this.details.readingHistory(id));
		data.put("assessments", assessments(detail));
		data.put("responsibility", detail.responsibility());
		// A colleague per assessment that invited one: the first, and one invited from a
		// retake's result.
		data.put("colleagues",
				this.assessments.submissionIds(id)
					.stream()
					.map(this.respondents::personalData)
					.flatMap(Optional::stream)
					.toList());
		data.put("createdAt", detail.createdAt());
		data.put("updatedAt", detail.updatedAt());
		data.put("erased", detail.erased());
		return data;
	}

	/**
	 * Every assessment of the lead (the first and each retake) with its answers, who took
	 * it and what it recommended.
	 */
	private List<Map<String, Object>> assessments(LeadDetail detail) {
		List<Map<String, Object>> assessments = new ArrayList<>();
		for (LeadDetail.Assessment assessment : detail.assessments()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("submissionId", assessment.submissionId());
			entry.put("takenAt", assessment.takenAt());
			entry.put("assistedBy", assessment.assistedBy());
			entry.put("retakeOf", assessment.retakeOf());
			entry.put("recommendation", assessment.recommendation());
			entry.put("answers",
					this.submissions.find(assessment.submissionId()).map(this.details::answers).orElse(List.of()));
			assessments.add(entry);
		}
		return assessments;
	}

	/**
	 * Erases a lead's personal data (audited); the lead stays for statistics. Says which
	 * submissions the lead holds, so callers holding a copy can erase theirs, and whether
	 * it had been erased before.
	 */
	public Erasure erase(UUID id, String actor) {
		return this.transactions.execute((tx) -> {
			LeadRepository.State state = this.repository.lock(id)
				.orElseThrow(() -> new NotFoundException("There is no lead " + id));
			boolean erased = eraseLocked(new Locked(id, state.submissionId()), actor,
					this.clock.instant().truncatedTo(ChronoUnit.MICROS));
			return new Erasure(state.submissionId(), this.assessments.submissionIds(id), !erased);
		});
	}

	/**
	 * @param submissionId the lead's newest submission
	 * @param submissionIds every submission of the lead: the first and each retake
	 * @param alreadyErased whether the lead had been erased before
	 */
	public record Erasure(UUID submissionId, List<UUID> submissionIds, boolean alreadyErased) {
	}

	/**
	 * Erases the personal data of one colleague who answered a lead's technical questions
	 * (audited), on the colleague's own request: the colleague of the assessment
	 * {@code submissionId} names, or, when it names none, the lead's only colleague with
	 * personal data left. The lead's contact and its other colleagues keep theirs, and
	 * the colleague's answers stay in the company result. Says whether there was any.
	 */
	public boolean eraseColleague(UUID id, UUID submissionId, String actor) {
		Boolean erased = this.transactions.execute((tx) -> {
			this.repository.lock(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			UUID assessment = (submissionId != null) ? submissionId : onlyColleague(id);
			if (assessment == null) {
				return false;
			}
			if (!this.assessments.submissionIds(id).contains(assessment)) {
				throw new NotFoundException("Lead " + id + " has no assessment " + assessment);
			}
			if (!this.respondents.eraseColleague(assessment, now)) {
				return false;
			}
			this.timeline.addEvent(id, new Event(now, actor, "erased", "colleague's personal data erased"));
			this.audit.record(actor, Audit.LEAD_ERASED, id, "colleague of submission " + assessment, now);
			return true;
		});
		return Boolean.TRUE.equals(erased);
	}

	/**
	 * The assessment of the lead's only colleague with personal data left; {@code null}
	 * when there is none; refused when there are several, as which one is asked for
	 * cannot be told.
	 */
	private UUID onlyColleague(UUID id) {
		List<UUID> holding = this.assessments.submissionIds(id)
			.stream()
			.filter((submissionId) -> this.respondents.colleague(submissionId)
				.filter((colleague) -> !colleague.erased())
				.isPresent())
			.toList();
		if (holding.size() > 1) {
			throw new ConflictException("Lead " + id + " has " + holding.size()
					+ " colleagues: name the assessment (submission) whose colleague to erase", List.of());
		}
		return holding.isEmpty() ? null : holding.get(0);
	}

	/**
	 * Removes the personal data of a locked lead: contact details, the free text of notes
	 * and of the consultation request, the referrer of each of its submissions and the
	 * reading history. Recommendation, priority, status, source, answers and results
	 * stay, so statistics keep working.
	 */
	private boolean eraseLocked(Locked lead, String actor, Instant now) {
		if (!this.erasures.erase(lead.id(), now)) {
			return false;
		}
		this.timeline.erase(lead.id());
		for (UUID submissionId : this.assessments.submissionIds(lead.id())) {
			this.submissions.erasePersonalData(submissionId);
		}
		this.briefs.eraseNotes(lead.id());
		this.timeline.addEvent(lead.id(), new Event(now, actor, "erased", "personal data erased"));
		this.audit.record(actor, Audit.LEAD_ERASED, lead.id(), null, now);
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
			for (Locked lead : this.erasures.lockUntouched(cutoff, batch)) {
				if (eraseLocked(lead, actor, now)) {
					// Kept as long as the lead it answered for, no longer.
					for (UUID submissionId : this.assessments.submissionIds(lead.id())) {
						this.respondents.eraseColleagues(submissionId, now);
					}
					count++;
				}
			}
			return count;
		});
		return (erased != null) ? erased : 0;
	}

}
