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
import com.northbeam.assessment.responsetarget.ResponseTargets;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff work a lead: move it through the {@link Pipeline}, assign it, add notes. Each
 * change is checked against the version the staff member saw, added to the lead's
 * timeline and written to the audit trail, in one transaction. The first move out of
 * {@code new}, or the first note recorded as a call or an email, is the lead's first
 * contact: when it happened and the working time the lead had waited are kept with it.
 */
@Service
class LeadChanges {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A plain note; a call or an email to the prospect also counts as contact. */
	static final String NOTE = "note";

	static final List<String> NOTE_KINDS = List.of(NOTE, "call", "email");

	private final LeadRepository repository;

	private final LeadTimelineRepository timeline;

	private final LeadDetails details;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ResponseTargets targets;

	private final SpeedToLeadRepository speed;

	LeadChanges(LeadRepository repository, LeadTimelineRepository timeline, LeadDetails details, Audit audit,
			Clock clock, TransactionTemplate transactions, ResponseTargets targets, SpeedToLeadRepository speed) {
		this.targets = targets;
		this.speed = speed;
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
			if (Pipeline.NEW.equals(state.status())) {
				firstContact(id, state, now);
			}
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

	/**
	 * Adds a note of {@code kind} ({@code note}, {@code call} or {@code email}; a plain
	 * note when absent).
	 */
	TimelineEntry addNote(UUID id, String actor, String text, String kind) {
		List<FieldError> errors = new ArrayList<>();
		String noteKind = (kind != null) ? kind : NOTE;
		if (!NOTE_KINDS.contains(noteKind)) {
			errors.add(new FieldError("kind", "must be one of " + NOTE_KINDS));
		}
		if (text == null || text.isBlank()) {
			errors.add(new FieldError("text", "is required"));
		}
		else if (text.length() > 4000) {
			errors.add(new FieldError("text", "must be at most 4000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = now();
		return this.transactions.execute((tx) -> {
			State state = this.repository.lock(id).orElseThrow(() -> new NotFoundException("There is no lead " + id));
			this.repository.touch(id, now);
			Event event = new Event(now, actor, noteKind, text.strip());
			this.timeline.addEvent(id, event);
			if (!NOTE.equals(noteKind)) {
				firstContact(id, state, now);
			}
			this.audit.record(actor, Audit.LEAD_CHANGED, id, noteKind, now);
			return new TimelineEntry(event.at(), event.actor(), event.kind(), event.detail());
		});
	}

	/**
	 * Records a first contact, in working time of the target in force, unless there was
	 * one.
	 */
	private void firstContact(UUID id, State state, Instant now) {
		if (state.firstContactAt() == null) {
			this.speed.recordFirstContact(id, now, this.targets.current().waited(state.createdAt(), now).toSeconds());
		}
	}

}
