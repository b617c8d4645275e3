package com.northbeam.assessment.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.lead.LeadIntake;
import com.northbeam.assessment.submission.QuarantineRepository.Held;
import com.northbeam.assessment.submission.SubmissionRepository.NewestScore;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions that look automated: held with every reason instead of becoming leads,
 * until staff release one (it becomes a lead, with its notifications, exactly once) or
 * discard it (its contact details and consent are deleted). Every decision is audited;
 * the audit entry of a discard names no person.
 */
@Service
class Quarantine {

	private final QuarantineRepository repository;

	private final SubmissionRepository submissions;

	private final LeadIntake leads;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ScreeningProperties properties;

	private final ReadingRepository reading;

	private final CompanySizes companySizes;

	Quarantine(QuarantineRepository repository, SubmissionRepository submissions, LeadIntake leads, Audit audit,
			Clock clock, TransactionTemplate transactions, ScreeningProperties properties, ReadingRepository reading,
			CompanySizes companySizes) {
		this.reading = reading;
		this.companySizes = companySizes;
		this.repository = repository;
		this.submissions = submissions;
		this.leads = leads;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** A quarantined submission as staff see it. */
	record Item(UUID submissionId, List<String> reasons, String name, String email, String company, String phone,
			String role, String source, String recommendation, int priority, Instant createdAt) {
	}

	/** What a decision did. */
	record Decision(UUID submissionId, String status, UUID leadId) {
	}

	List<Item> waiting(String actor) {
		List<Item> items = this.repository.findWaiting(this.properties.listLimit()).stream().map((waiting) -> {
			Held held = waiting.held();
			Contact c = held.contact();
			return new Item(held.submissionId(), held.reasons().stream().map(Suspicion::code).toList(), c.name(),
					c.email(), c.company(), c.phone(), c.role(), held.source(), waiting.recommendation(),
					waiting.priority(), held.createdAt());
		}).toList();
		this.audit.recordRead(actor, Audit.QUARANTINE_LISTED, null, items.size() + " waiting");
		return items;
	}

	/**
	 * Makes the lead of a waiting submission, with its notification, in one transaction;
	 * a second release (a double click, another replica) finds it decided and changes
	 * nothing.
	 * @throws NotFoundException when the submission was never quarantined
	 * @throws ConflictException when it was already released or discarded
	 */
	Decision release(UUID submissionId, String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return this.transactions.execute((tx) -> {
			Held held = this.repository.lockWaiting(submissionId).orElseThrow(() -> decided(submissionId));
			NewestScore score = this.submissions.findNewestScore(submissionId)
				.orElseThrow(() -> new IllegalStateException("Submission " + submissionId + " has no result"));
			Contact c = held.contact();
			UUID leadId = this.leads.create(new LeadIntake.NewLead(submissionId, c.name(), c.email(), c.company(),
					c.phone(), c.role(), score.recommendation(), score.priority(), held.source(),
					this.companySizes.companySize(submissionId), now));
			this.repository.decide(submissionId, true, actor, now);
			this.audit.record(actor, Audit.QUARANTINE_RELEASED, leadId,
					"released from quarantine; reasons: " + Suspicion.store(held.reasons()), now);
			return new Decision(submissionId, "released", leadId);
		});
	}

	/**
	 * Deletes the contact details and consent of a waiting submission; its anonymous
	 * answers and result stay. The audit entry names the submission and the reasons, no
	 * person.
	 */
	Decision discard(UUID submissionId, String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Boolean done = this.transactions.execute((tx) -> discardWaiting(submissionId, actor, now));
		if (!Boolean.TRUE.equals(done)) {
			throw decided(submissionId);
		}
		return new Decision(submissionId, "discarded", null);
	}

	/**
	 * Discards every submission that waited longer than the quarantine retention; returns
	 * how many.
	 */
	int discardExpired(String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant cutoff = now.minus(this.properties.quarantineRetention());
		int discarded = 0;
		List<UUID> batch;
		do {
			batch = this.repository.findWaitingSince(cutoff, 100);
			for (UUID id : batch) {
				if (Boolean.TRUE.equals(this.transactions.execute((tx) -> discardWaiting(id, actor, now)))) {
					discarded++;
				}
			}
		}
		while (batch.size() == 100);
		return discarded;
	}

	private boolean discardWaiting(UUID submissionId, String actor, Instant now) {
		Held held = this.repository.lockWaiting(submissionId).orElse(null);
		if (held == null) {
			return false;
		}
		this.repository.decide(submissionId, false, actor, now);
		this.submissions.forgetContact(submissionId);
		this.reading.erase(submissionId, now);
		this.audit.record(actor, Audit.QUARANTINE_DISCARDED, null, "submission " + submissionId
				+ " discarded from quarantine; reasons: " + Suspicion.store(held.reasons()), now);
		return true;
	}

	private RuntimeException decided(UUID submissionId) {
		return this.repository.state(submissionId)
			.<RuntimeException>map((state) -> new ConflictException("The submission was already " + state,
					List.of(new FieldError("status", "is " + state))))
			.orElseGet(() -> new NotFoundException("There is no quarantined submission " + submissionId));
	}

}
