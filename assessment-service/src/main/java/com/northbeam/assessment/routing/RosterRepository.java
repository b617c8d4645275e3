package com.northbeam.assessment.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.routing.Columns.timestamp;

/** The sales roster the gateway publishes: who may own leads. */
@Repository
class RosterRepository {

	private final JdbcClient jdbc;

	RosterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SalesPerson> findAll() {
		return this.jdbc.sql("select email, name, enabled from sales_person order by name, email")
			.query((rs, n) -> new SalesPerson(rs.getString("email"), rs.getString("name"), rs.getBoolean("enabled")))
			.list();
	}

	RoutingEngine.Account account(String email) {
		return this.jdbc.sql("select enabled from sales_person where email = :email")
			.param("email", email)
			.query(Boolean.class)
			.optional()
			.map((enabled) -> enabled ? RoutingEngine.Account.ENABLED : RoutingEngine.Account.DISABLED)
			.orElse(RoutingEngine.Account.UNKNOWN);
	}

	/**
	 * Makes the roster exactly {@code people}; returns how many rows changed (added,
	 * changed or removed).
	 */
	int replace(List<SalesPerson> people, Instant at) {
		Map<String, SalesPerson> stored = findAll().stream()
			.collect(Collectors.toMap(SalesPerson::email, Function.identity()));
		Set<String> kept = people.stream().map(SalesPerson::email).collect(Collectors.toSet());
		int changed = 0;
		for (String email : stored.keySet()) {
			if (!kept.contains(email)) {
				changed += this.jdbc.sql("delete from sales_person where email = :email")
					.param("email", email)
					.update();
			}
		}
		for (SalesPerson person : people) {
			SalesPerson before = stored.get(person.email());
			if (person.equals(before)) {
				continue;
			}
			String sql = (before != null)
					? "update sales_person set name = :name, enabled = :enabled, updated_at = :at where email = :email"
					: "insert into sales_person (email, name, enabled, updated_at) values (:email, :name, :enabled, :at)";
			changed += this.jdbc.sql(sql)
				.param("email", person.email())
				.param("name", person.name())
				.param("enabled", person.enabled())
				.param("at", timestamp(at))
				.update();
		}
		return changed;
	}

}
