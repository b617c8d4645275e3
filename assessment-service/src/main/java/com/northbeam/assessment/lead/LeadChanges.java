package com.northbeam.assessment.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.lead.LeadDetail.TimelineEntry;
import com.northbeam.assessment.lead.LeadRepository.State;
import com.northbeam.assessment.lead.LeadTimelineRepository.Event;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff work a lead: move it through the {@link Pipeline}, assign it, add notes. Each
 * change is checked against the version the staff member saw, added to the lead's
 * timeline and written to the audit trail, in one transaction.
 */
@Service
class LeadChanges {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final LeadRepository repository;

	private final LeadTimelineRepository timeline;

	private final LeadDetails details;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	LeadChanges(LeadRepository repository, LeadTimelineRepository timeline, LeadDetails details, Audit audit,
			Clock clock, TransactionTemplate transactions) {
		this.repository = repository;
		this.timeline = timeline;
		this.details = details;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
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
				throw new StaleLeadException("A lead in " + state.status() + " cannot move to " + status,
						this.details.detail(id),
						List.of(new FieldError("status", "cannot move from " + state.status() + " to " + status)));
			}
			Instant now = now();
			this.repository.updateStatus(id, version, status, Pipeline.LOST.equals(status) ? reason : null, now);
			this.timeline.addEvent(id, new Event(now, actor, "status",
					state.status() + " → " + status + (Pipeline.LOST.equals(status) ? ": " + reason : "")));
			this.audit.record(actor, Audit.LEAD_CHANGED, id, "status " + state.status() + " → " + status, now);
		});
		return this.details.detail(id);
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
			this.timeline.addEvent(id, new Event(now, actor, "assigned", (newOwner != null) ? newOwner : "unassigned"));
			this.audit.record(actor, Audit.LEAD_CHANGED, id, "owner", now);
		});
		return this.details.detail(id);
	}

	private State lockCurrent(UUID id, int version) {
		State state = this.repository.lock(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
		if (state.version() != version) {
			throw new StaleLeadException("The lead was changed meanwhile; it is now at version " + state.version(),
					this.details.detail(id), List.of(new FieldError("version",
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
			this.timeline.addEvent(id, event);
			this.audit.record(actor, Audit.LEAD_CHANGED, id, "note", now);
			return new TimelineEntry(event.at(), event.actor(), event.kind(), event.detail());
		});
	}

}
