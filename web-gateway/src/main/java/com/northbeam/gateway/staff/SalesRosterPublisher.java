package com.northbeam.gateway.staff;

import java.time.Instant;
import java.util.List;

import com.northbeam.gateway.client.RoutingClient;
import com.northbeam.gateway.client.RoutingClient.SalesPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes the sales roster (every account that may work leads, with whether it is
 * enabled) to assessment-service, whose lead routing skips rules naming a disabled
 * account: once the gateway is ready, after every committed change of an account, and
 * again every {@code gateway.staff.roster-refresh} (a minute). Each publication is the
 * whole roster, so one that failed (the service was down) or that crossed another
 * replica's is made good by the next; the same roster again changes nothing there.
 */
@Component
class SalesRosterPublisher {

	private static final Logger log = LoggerFactory.getLogger(SalesRosterPublisher.class);

	private final StaffAccounts accounts;

	private final RoutingClient routing;

	private final TaskScheduler scheduler;

	SalesRosterPublisher(StaffAccounts accounts, RoutingClient routing, TaskScheduler scheduler) {
		this.accounts = accounts;
		this.routing = routing;
		this.scheduler = scheduler;
	}

	/** The accounts that may own leads: those with the sales or the admin role. */
	List<SalesPerson> roster() {
		return accounts.all()
			.stream()
			.filter((account) -> account.roles().contains(StaffRole.SALES) || account.isAdmin())
			.map((account) -> new SalesPerson(account.email(), account.name(), account.enabled()))
			.toList();
	}

	/**
	 * On the scheduler's thread: readiness (published after the ready listeners return)
	 * must not wait for a call to assessment-service, which may be slow or down.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		this.scheduler.schedule(this::publish, Instant.now());
	}

	@TransactionalEventListener
	void onChange(StaffAccounts.AccountsChanged changed) {
		publish();
	}

	@Scheduled(fixedDelayString = "${gateway.staff.roster-refresh:1m}",
			initialDelayString = "${gateway.staff.roster-refresh:1m}")
	void refresh() {
		publish();
	}

	/**
	 * Publishes the roster now, one publication at a time, so an older roster never
	 * overtakes a newer one from this replica; {@code false} when assessment-service did
	 * not take it.
	 */
	synchronized boolean publish() {
		try {
			routing.publishRoster(roster());
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish the sales roster to assessment-service, will try again: {}", ex.getMessage());
			return false;
		}
	}

}
