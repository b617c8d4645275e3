package com.northbeam.assessment.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The audit trail's face to the rest of the service: who (the token's subject, or
 * {@code system:...} for jobs) did what to which lead, and when. Written in the caller's
 * transaction when there is one, so a change and its audit entry are stored together.
 */
@Service
public class Audit {

	/** A staff member read a lead's detail. */
	public static final String LEAD_READ = "lead.read";

	/** A staff member read a page of the lead list (the filter is the detail). */
	public static final String LEADS_LISTED = "leads.listed";

	/** A staff member changed a lead (status, owner, note). */
	public static final String LEAD_CHANGED = "lead.changed";

	/** A staff member changed a cell of a lead's responsibility matrix. */
	public static final String RESPONSIBILITY_CHANGED = "lead.responsibility-changed";

	/** A staff member exported a lead's responsibility matrix (CSV or Markdown). */
	public static final String RESPONSIBILITY_EXPORTED = "lead.responsibility-exported";

	/** A staff member exported the leads matching a filter as CSV. */
	public static final String LEADS_EXPORTED = "leads.exported";

	/** An admin exported all personal data of one lead. */
	public static final String LEAD_DATA_EXPORTED = "lead.data-exported";

	/** Personal data of a lead was erased (by an admin or the retention job). */
	public static final String LEAD_ERASED = "lead.erased";

	/** An admin changed the notification settings or retried a delivery. */
	public static final String NOTIFICATIONS_CHANGED = "notifications.changed";

	/**
	 * An admin sent a past event again (to every target, or to the target of one
	 * delivery).
	 */
	public static final String NOTIFICATIONS_REDELIVERED = "notifications.redelivered";

	/** An admin saved a new response target (working minutes and hours). */
	public static final String RESPONSE_TARGET_CHANGED = "response-target.changed";

	/** A staff member read the list of quarantined submissions. */
	public static final String QUARANTINE_LISTED = "quarantine.listed";

	/** A staff member released a quarantined submission: it became a lead. */
	public static final String QUARANTINE_RELEASED = "quarantine.released";

	/**
	 * A quarantined submission's contact details were discarded (by staff or the
	 * quarantine retention job).
	 */
	public static final String QUARANTINE_DISCARDED = "quarantine.discarded";

	private final AuditRepository repository;

	private final Clock clock;

	Audit(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Records a staff read. On PostgreSQL the entry is committed without waiting for its
	 * WAL flush ({@code synchronous_commit = off} for this transaction only): a read then
	 * costs no disk flush, and only a database server crash within a fraction of a second
	 * could lose the entry. Changes, exports and erasures are recorded durably, in the
	 * transaction of the change.
	 */
	public void recordRead(String actor, String action, UUID leadId, String detail) {
		this.repository.insertWithoutWaitingForFlush(this.clock.instant(), truncate(actor, 200), action, leadId,
				truncate(detail, 1000));
	}

	/**
	 * Records one entry; {@code detail} must not hold personal data beyond what the
	 * action needs.
	 */
	public void record(String actor, String action, UUID leadId, String detail) {
		record(actor, action, leadId, detail, this.clock.instant());
	}

	public void record(String actor, String action, UUID leadId, String detail, Instant at) {
		this.repository.insert(at, truncate(actor, 200), action, leadId, truncate(detail, 1000));
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
