package com.northbeam.assessment.lead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.lead.LeadRepository.LeadRow;
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

	Leads(LeadRepository repository, LeadDetails details, Audit audit, TransactionTemplate transactions) {
		this.repository = repository;
		this.details = details;
		this.audit = audit;
		this.transactions = transactions;
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

}
