package com.northbeam.assessment.brief;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sales read, edit and export a lead's responsibility matrix. An edit names the cell
 * version it was based on (0 for the proposal); a newer version means someone else edited
 * first, answered with a conflict. Each edit is stored as the cell's next version with
 * the proposal it replaced, and audited, in one transaction.
 */
@Service
class ResponsibilityEdits {

	static final int NOTE_MAX = 1000;

	private final Briefs briefs;

	private final BriefLeads leads;

	private final ResponsibilityEditRepository repository;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ResponsibilityEdits(Briefs briefs, BriefLeads leads, ResponsibilityEditRepository repository, Audit audit,
			Clock clock, TransactionTemplate transactions) {
		this.briefs = briefs;
		this.leads = leads;
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** The lead's matrix with its edits, read by a staff member (audited). */
	Responsibility read(UUID leadId, String actor) {
		Responsibility matrix = matrix(leadId);
		this.audit.recordRead(actor, Audit.LEAD_READ, leadId, "responsibility matrix");
		return matrix;
	}

	Responsibility matrix(UUID leadId) {
		String result = this.leads.storedResult(leadId)
			.orElseThrow(() -> new NotFoundException("There is no lead " + leadId));
		return this.briefs.responsibility(leadId, result)
			.orElseThrow(() -> new NotFoundException("Lead " + leadId + " has no result to propose a matrix from"));
	}

	/** Every edit of one cell, oldest first. */
	List<Responsibility.Edit> history(UUID leadId, String function) {
		checkFunction(function);
		matrix(leadId);
		return this.repository.history(leadId, function);
	}

	Responsibility edit(UUID leadId, String function, Integer version, String owner, String note, String actor) {
		List<FieldError> errors = new ArrayList<>();
		if (!this.briefs.responsibilityRules().functions().containsKey(function)) {
			errors.add(new FieldError("function",
					"must be one of " + this.briefs.responsibilityRules().functions().keySet()));
		}
		if (version == null || version < 0) {
			errors.add(new FieldError("version",
					"is required: the cell version the change is based on (0 when unedited)"));
		}
		if (owner == null || !ResponsibilityRules.OWNERS.contains(owner)) {
			errors.add(new FieldError("owner", "must be internal, provider or shared"));
		}
		String text = (note == null || note.isBlank()) ? null : note.strip();
		if (text != null && text.length() > NOTE_MAX) {
			errors.add(new FieldError("note", "must be at most " + NOTE_MAX + " characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Responsibility matrix = matrix(leadId);
		Responsibility.Cell cell = matrix.cells()
			.stream()
			.filter((candidate) -> candidate.function().equals(function))
			.findFirst()
			.orElseThrow();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		try {
			this.transactions.executeWithoutResult((tx) -> {
				int current = this.repository.version(leadId, function);
				if (current != version) {
					throw stale(function, current);
				}
				this.repository.insert(leadId, function, current + 1, owner, text, cell.owner(), matrix.rulesVersion(),
						actor, now);
				this.audit.record(actor, Audit.RESPONSIBILITY_CHANGED, leadId,
						function + ": " + cell.current() + " -> " + owner + " (version " + (current + 1) + ")", now);
			});
		}
		catch (DuplicateKeyException ex) {
			throw stale(function, this.repository.version(leadId, function));
		}
		return matrix(leadId);
	}

	/** The matrix as CSV or Markdown (audited). */
	String export(UUID leadId, String format, String actor) {
		Responsibility matrix = matrix(leadId);
		this.audit.record(actor, Audit.RESPONSIBILITY_EXPORTED, leadId, format);
		return "md".equals(format) ? ResponsibilityExport.markdown(matrix) : ResponsibilityExport.csv(matrix);
	}

	private void checkFunction(String function) {
		if (!this.briefs.responsibilityRules().functions().containsKey(function)) {
			throw new NotFoundException("There is no function " + function);
		}
	}

	private static ConflictException stale(String function, int current) {
		return new ConflictException("Someone changed " + function + " first; it is now at version " + current,
				List.of(new FieldError("version", "is stale: the cell is at version " + current)));
	}

}
