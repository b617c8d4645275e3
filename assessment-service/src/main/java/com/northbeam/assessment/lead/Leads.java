package com.northbeam.assessment.lead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.lead.LeadRepository.LeadRow;
import com.northbeam.assessment.responsetarget.ResponseTarget;
import com.northbeam.assessment.responsetarget.ResponseTargets;
import com.northbeam.assessment.system.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff read leads: the list, one lead's detail and the CSV export, each written to the
 * audit trail.
 */
@Service
class Leads {

	private final LeadRepository repository;

	private final LeadDetails details;

	private final Audit audit;

	private final TransactionTemplate transactions;

	private final ResponseTargets targets;

	private final Clock clock;

	Leads(LeadRepository repository, LeadDetails details, Audit audit, TransactionTemplate transactions,
			ResponseTargets targets, Clock clock) {
		this.repository = repository;
		this.details = details;
		this.audit = audit;
		this.transactions = transactions;
		this.targets = targets;
		this.clock = clock;
	}

	/**
	 * A lead of the list: its row, and how long it has waited for a first contact
	 * ({@code waitingSeconds}, working time, while nobody has contacted it) or how long
	 * that took ({@code firstContactSeconds}), and whether it is past the response
	 * target.
	 */
	record Item(UUID id, String name, String company, String email, String recommendation, int priority, String status,
			String owner, Instant createdAt, String source, Instant firstContactAt, Long firstContactSeconds,
			Long waitingSeconds, boolean overdue) {

		static Item of(LeadRow row, SpeedToLead speed) {
			return new Item(row.id(), row.name(), row.company(), row.email(), row.recommendation(), row.priority(),
					row.status(), row.owner(), row.createdAt(), row.source(), row.firstContactAt(),
					row.firstContactSeconds(), speed.waitingSeconds(), speed.overdue());
		}

	}

	record Page(List<Item> items, String nextCursor) {
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
		Instant now = this.clock.instant();
		ResponseTarget target = this.targets.current();
		Instant cutoff = target.overdueCutoff(now);
		List<LeadRow> rows = this.repository.page(filter, cutoff, sort, cursor, limit + 1);
		List<Item> items = rows.stream()
			.limit(limit)
			.map((row) -> Item.of(row, SpeedToLead.of(row.createdAt(), row.firstContactAt(), target, cutoff, now)))
			.toList();
		if (rows.size() <= limit) {
			return new Page(items, null);
		}
		LeadRow last = rows.get(limit - 1);
		return new Page(items, new LeadCursor(sort, last.priority(), last.createdAt(), last.id()).encode());
	}

	static void checkSort(String sort) {
		if (!LeadCursor.PRIORITY.equals(sort) && !LeadCursor.NEWEST.equals(sort)) {
			throw InvalidInputException.of("sort", "must be priority or newest");
		}
	}

	/** The detail of a lead as a staff member reads it (audited). */
	LeadDetail read(UUID id, String actor) {
		LeadDetail detail = this.details.detail(id);
		this.audit.recordRead(actor, Audit.LEAD_READ, id, null);
		return detail;
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
		Instant cutoff = filter.overdue() ? this.targets.current().overdueCutoff(this.clock.instant()) : null;
		this.transactions.executeWithoutResult((tx) -> this.repository.stream(filter, cutoff, sort, (row) -> {
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

}
