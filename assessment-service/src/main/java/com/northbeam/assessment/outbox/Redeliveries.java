package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.outbox.DeliveryRepository.Delivery;
import com.northbeam.assessment.outbox.OutboxRepository.Event;
import com.northbeam.assessment.outbox.OutboxRepository.Target;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins send a past event again: to every target configured now, or to the target of one
 * of its deliveries. Each redelivery is a new delivery of its own, sent by the dispatcher
 * like any other, with the event's id as its {@code webhook-id}; each is audited.
 */
@Component
class Redeliveries {

	private final OutboxRepository outbox;

	private final DeliveryRepository deliveries;

	private final NotificationSettings settings;

	private final Audit audit;

	private final Clock clock;

	Redeliveries(OutboxRepository outbox, DeliveryRepository deliveries, NotificationSettings settings, Audit audit,
			Clock clock) {
		this.outbox = outbox;
		this.deliveries = deliveries;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	List<Delivery> event(UUID eventId, String actor) {
		Event event = this.outbox.find(eventId)
			.orElseThrow(() -> new NotFoundException("There is no event " + eventId));
		refuseResumeLink(event);
		if (!event.expanded()) {
			throw new ConflictException("Event " + eventId + " has not been sent yet; it is sent shortly", List.of());
		}
		List<Target> targets = this.settings.current().targets(event.emailTo());
		if (targets.isEmpty()) {
			throw InvalidInputException.of("eventId", "has nowhere to go: no sales inbox or webhook is set");
		}
		List<Delivery> created = targets.stream().map((target) -> add(eventId, target)).toList();
		this.audit.record(actor, Audit.NOTIFICATIONS_REDELIVERED, event.leadId(), "redeliver event " + eventId);
		return created;
	}

	@Transactional
	Delivery delivery(long deliveryId, String actor) {
		Delivery delivery = this.deliveries.find(deliveryId)
			.orElseThrow(() -> new NotFoundException("There is no delivery " + deliveryId));
		this.outbox.find(delivery.eventId()).ifPresent(Redeliveries::refuseResumeLink);
		Target target = new Target(delivery.channel(), delivery.target());
		Event event = this.outbox.find(delivery.eventId()).orElseThrow();
		if (!this.settings.current().targets(event.emailTo()).contains(target)) {
			throw InvalidInputException.of("id", "goes to a " + delivery.channel()
					+ " target that is no longer in the settings; redeliver the event to the current ones");
		}
		Delivery created = add(delivery.eventId(), target);
		UUID lead = event.leadId();
		this.audit.record(actor, Audit.NOTIFICATIONS_REDELIVERED, lead, "redeliver delivery " + deliveryId);
		return created;
	}

	/** A resume link went to its prospect once; its address is gone. */
	private static void refuseResumeLink(Event event) {
		if (ResumeLinks.KIND.equals(event.kind())) {
			throw new ConflictException("A link to finish an assessment is sent once, to the prospect who asked for it;"
					+ " their address is not kept", List.of());
		}
	}

	private Delivery add(UUID eventId, Target target) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		try {
			long id = this.deliveries.redeliver(eventId, target.channel(), target.target(), now);
			return this.deliveries.find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Another redelivery of this event is being made; try again", List.of());
		}
	}

}
