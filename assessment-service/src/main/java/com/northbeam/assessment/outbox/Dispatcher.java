package com.northbeam.assessment.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.northbeam.assessment.outbox.DeliveryRepository.Claim;
import com.northbeam.assessment.outbox.NotificationSettings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers outbox events: an email to the sales inbox and a signed JSON webhook to each
 * configured URL, once per event and target (and again when an admin redelivers it).
 * <p>
 * New events are expanded into one delivery per target. Due deliveries are then claimed
 * with a lease in a short transaction, sent on a small pool of sender threads with no
 * transaction or connection held, and each outcome is recorded in another short
 * transaction. A slow target never holds up the others: this instance sends at most one
 * delivery per target at a time, and keeps claiming for other targets meanwhile. Any
 * number of dispatchers (threads or replicas) never send the same delivery at the same
 * time, since a leased delivery is not claimed again until its lease expires; then it is,
 * so the claims of an instance that died are sent by another. (If an instance dies
 * between sending and recording, the delivery is sent again: receivers drop repeats by
 * the event id.)
 */
@Component
class Dispatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private final OutboxRepository outbox;

	private final DeliveryRepository deliveries;

	private final NotificationSettings settings;

	private final NotificationSender sender;

	private final DeliveryRecorder recorder;

	private final NotificationProperties properties;

	private final Clock clock;

	/** Who holds this instance's leases. */
	private final String owner;

	private final ExecutorService senders;

	/** Targets with a delivery in flight from this instance. */
	private final Set<String> busy = ConcurrentHashMap.newKeySet();

	/**
	 * Targets whose last attempt failed, left alone until their pause is over: a target
	 * that is down (the mail server, a webhook receiver) is asked again once per pause,
	 * which grows as the delivery backoff does, instead of once per delivery waiting for
	 * it; the waiting deliveries keep their attempts for when it is back.
	 */
	private final Map<String, Pause> paused = new ConcurrentHashMap<>();

	private record Pause(int failures, Instant until) {
	}

	private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

	private final AtomicInteger inFlight = new AtomicInteger();

	Dispatcher(OutboxRepository outbox, DeliveryRepository deliveries, NotificationSettings settings,
			NotificationSender sender, DeliveryRecorder recorder, NotificationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.deliveries = deliveries;
		this.settings = settings;
		this.sender = sender;
		this.recorder = recorder;
		this.properties = properties;
		this.clock = clock;
		String instance = ManagementFactory.getRuntimeMXBean().getName();
		this.owner = instance.substring(0, Math.min(instance.length(), 80)) + "/"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		CustomizableThreadFactory threads = new CustomizableThreadFactory("notification-sender-");
		threads.setDaemon(true);
		this.senders = Executors.newFixedThreadPool(properties.senders(), threads);
	}

	@Scheduled(fixedDelayString = "${assessment.notifications.interval:2s}", initialDelayString = "5s")
	void scheduled() {
		dispatch();
	}

	/**
	 * Expands new events and sends every due delivery, including those that fall due
	 * while earlier ones are still in flight; returns once none of its sends is in flight
	 * and nothing is due, with how many attempts it made.
	 */
	int dispatch() {
		BlockingQueue<Claim> finished = new LinkedBlockingQueue<>();
		int attempts = 0;
		int running = 0;
		while (true) {
			Settings current = this.settings.current();
			expandAll(current);
			List<Claim> claimed = claim();
			for (Claim delivery : claimed) {
				if (!start(delivery, current, finished)) {
					return attempts;
				}
				attempts++;
				running++;
			}
			if (running == 0) {
				return attempts;
			}
			if (claimed.isEmpty()) {
				try {
					if (finished.poll(this.properties.interval().toMillis(), TimeUnit.MILLISECONDS) != null) {
						running -= 1 + finished.drainTo(new ArrayList<>());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return attempts;
				}
			}
		}
	}

	private void expandAll(Settings current) {
		while (this.outbox.expand(this.properties.batch(), current, now()) > 0) {
			// until no unexpanded event is left
		}
	}

	private List<Claim> claim() {
		int free = this.properties.senders() - this.inFlight.get();
		if (free <= 0 || this.senders.isShutdown()) {
			return List.of();
		}
		Instant now = now();
		// A pause over for longer than the longest one belongs to a target that was not
		// tried again since (nothing left for it): forgotten, so addresses that once
		// failed do not pile up.
		this.paused.values().removeIf((pause) -> pause.until().plus(LONGEST_PAUSE).isBefore(now));
		Set<String> skipped = new HashSet<>(this.busy);
		this.paused.forEach((target, pause) -> {
			if (pause.until().isAfter(now)) {
				skipped.add(target);
			}
		});
		return this.deliveries.claimDue(this.owner, now, this.properties.lease(), free, this.properties.batch(),
				skipped);
	}

	private boolean start(Claim delivery, Settings current, BlockingQueue<Claim> finished) {
		this.busy.add(delivery.target());
		this.inFlight.incrementAndGet();
		Runnable done = () -> {
			this.busy.remove(delivery.target());
			this.inFlight.decrementAndGet();
			finished.add(delivery);
		};
		try {
			this.senders.execute(() -> {
				try {
					attempt(delivery, current);
				}
				finally {
					done.run();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the lease expires and another instance sends it.
			done.run();
			return false;
		}
	}

	private void attempt(Claim delivery, Settings current) {
		Exception failure = null;
		try {
			this.sender.send(delivery, current);
		}
		catch (Exception ex) {
			failure = ex;
		}
		try {
			if (failure == null) {
				this.paused.remove(delivery.target());
				this.recorder.delivered(delivery);
			}
			else {
				this.paused.merge(delivery.target(), new Pause(1, now().plus(pause(1))),
						(before, first) -> new Pause(before.failures() + 1, now().plus(pause(before.failures() + 1))));
				this.recorder.failed(delivery, this.owner, failure, current.maxAttempts());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the outcome of notification delivery {}; "
					+ "it is attempted again once its lease expires", delivery.id(), ex);
		}
	}

	private Duration pause(int failures) {
		Duration backoff = this.recorder.backoff(failures);
		return (backoff.compareTo(LONGEST_PAUSE) < 0) ? backoff : LONGEST_PAUSE;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** Lets sends in flight finish for a while, so that few are sent twice. */
	@Override
	public void close() {
		this.senders.shutdown();
		try {
			if (!this.senders.awaitTermination(this.properties.webhookTimeout().multipliedBy(2).toMillis(),
					TimeUnit.MILLISECONDS)) {
				this.senders.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.senders.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
