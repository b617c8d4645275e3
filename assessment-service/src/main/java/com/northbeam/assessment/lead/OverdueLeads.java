package com.northbeam.assessment.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.lead.SpeedToLeadRepository.Overdue;
import com.northbeam.assessment.lead.LeadTimelineRepository.Event;
import com.northbeam.assessment.responsetarget.ResponseTarget;
import com.northbeam.assessment.responsetarget.ResponseTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overdue check: every lead nobody has contacted that has waited past the response
 * target is announced once, with {@link LeadEvent#LEAD_OVERDUE} (an email to its owner,
 * or to the sales inbox when it has none, and a webhook) and an entry on its timeline.
 * Each lead is claimed by a conditional update in a transaction of its own, with its
 * event, so any number of replicas may check at the same time and each lead is still
 * announced exactly once. An erased lead is claimed but not announced: there is nothing
 * left to say about it.
 */
@Component
class OverdueLeads {

	static final String ACTOR = "system:overdue-check";

	static final String TIMELINE_KIND = "overdue";

	private static final int BATCH = 100;

	private static final Logger logger = LoggerFactory.getLogger(OverdueLeads.class);

	private final SpeedToLeadRepository repository;

	private final LeadTimelineRepository timeline;

	private final ResponseTargets targets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OverdueLeads(SpeedToLeadRepository repository, LeadTimelineRepository timeline, ResponseTargets targets,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.timeline = timeline;
		this.targets = targets;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${assessment.leads.overdue-check-interval:1m}",
			initialDelayString = "${assessment.leads.overdue-check-interval:1m}")
	void scheduled() {
		int announced = check();
		if (announced > 0) {
			logger.info("Announced {} lead(s) waiting past the response target", announced);
		}
	}

	/**
	 * Announces the overdue leads not announced yet; returns how many this caller
	 * announced.
	 */
	int check() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ResponseTarget target = this.targets.current();
		Instant cutoff = target.overdueCutoff(now);
		int announced = 0;
		while (true) {
			List<UUID> due = this.repository.overdueUnannounced(cutoff, BATCH);
			for (UUID id : due) {
				if (announce(id, target, cutoff, now)) {
					announced++;
				}
			}
			if (due.size() < BATCH) {
				return announced;
			}
		}
	}

	private boolean announce(UUID id, ResponseTarget target, Instant cutoff, Instant now) {
		Boolean announced = this.transactions.execute((tx) -> {
			Optional<Overdue> claimed = this.repository.claimOverdue(id, cutoff, now);
			if (claimed.isEmpty() || claimed.get().erased()) {
				return false;
			}
			String owner = claimed.get().owner();
			this.events.publishEvent(new LeadEvent(UUID.randomUUID(), LeadEvent.LEAD_OVERDUE, id, now, owner));
			this.timeline.addEvent(id,
					new Event(now, ACTOR, TIMELINE_KIND,
							"waited past the response target of " + target.minutes()
									+ ((target.minutes() == 1) ? " working minute; " : " working minutes; ")
									+ ((owner != null) ? owner : "the sales inbox") + " was told"));
			return true;
		});
		return Boolean.TRUE.equals(announced);
	}

}
