package com.northbeam.assessment.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sales roster: the staff accounts that may own leads, as the gateway (which owns the
 * accounts) publishes them whenever one changes and when it starts. Each publication
 * replaces the whole roster, so a missed one is made good by the next.
 */
@Service
class SalesRoster {

	static final String PUBLISHED = "routing.roster-published";

	static final int MAX_PEOPLE = 10_000;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final RosterRepository repository;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SalesRoster(RosterRepository repository, Audit audit, Clock clock, TransactionTemplate transactions) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** A person as the gateway sends it. */
	record Person(String email, String name, Boolean enabled) {
	}

	List<SalesPerson> all() {
		return this.repository.findAll();
	}

	/**
	 * Makes the roster exactly {@code people}; returns how many entries changed. A change
	 * is audited; the same roster again changes nothing.
	 */
	int replace(List<Person> people, String actor) {
		List<SalesPerson> roster = check(people);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		try {
			return store(roster, actor, now);
		}
		catch (DuplicateKeyException ex) {
			// Another replica published at the same moment: the second try sees its rows.
			return store(roster, actor, now);
		}
	}

	private int store(List<SalesPerson> roster, String actor, Instant now) {
		return this.transactions.execute((tx) -> {
			int changed = this.repository.replace(roster, now);
			if (changed > 0) {
				long enabled = roster.stream().filter(SalesPerson::enabled).count();
				this.audit.record(actor, PUBLISHED, null,
						roster.size() + " sales account(s), " + enabled + " enabled; " + changed + " change(s)", now);
			}
			return changed;
		});
	}

	private static List<SalesPerson> check(List<Person> people) {
		if (people == null) {
			throw InvalidInputException.of("people", "is required");
		}
		if (people.size() > MAX_PEOPLE) {
			throw InvalidInputException.of("people", "must hold at most " + MAX_PEOPLE + " people");
		}
		List<FieldError> errors = new ArrayList<>();
		List<SalesPerson> roster = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < people.size(); i++) {
			Person person = people.get(i);
			String field = "people[" + i + "]";
			if (person == null) {
				errors.add(new FieldError(field, "is required"));
				continue;
			}
			String email = (person.email() != null) ? person.email().strip().toLowerCase(Locale.ROOT) : "";
			String name = (person.name() != null) ? person.name().strip() : "";
			if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
				errors.add(new FieldError(field + ".email", "must be an email address"));
			}
			else if (!seen.add(email)) {
				errors.add(new FieldError(field + ".email", "is named twice"));
			}
			if (name.isEmpty() || name.length() > 120) {
				errors.add(new FieldError(field + ".name", "must be 1 to 120 characters"));
			}
			if (person.enabled() == null) {
				errors.add(new FieldError(field + ".enabled", "is required"));
			}
			if (errors.isEmpty()) {
				roster.add(new SalesPerson(email, name, person.enabled()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return roster;
	}

}
