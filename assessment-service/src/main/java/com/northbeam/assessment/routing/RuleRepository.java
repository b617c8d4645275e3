package com.northbeam.assessment.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.routing.Columns.instant;
import static com.northbeam.assessment.routing.Columns.integer;
import static com.northbeam.assessment.routing.Columns.join;
import static com.northbeam.assessment.routing.Columns.split;
import static com.northbeam.assessment.routing.Columns.timestamp;

/** The routing rules, in their order. */
@Repository
class RuleRepository {

	private static final String SELECT = "select r.id, r.sort_order, r.name, r.enabled, r.recommendations, "
			+ "r.company_sizes, r.min_priority, r.max_priority, r.sources, r.owner, r.group_id, g.name group_name, "
			+ "r.version, r.updated_at, r.updated_by from routing_rule r left join routing_group g on g.id = r.group_id";

	private final JdbcClient jdbc;

	RuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RoutingRule> findAll() {
		return this.jdbc.sql(SELECT + " order by r.sort_order, r.id").query((rs, n) -> rule(rs)).list();
	}

	Optional<RoutingRule> find(long id) {
		return this.jdbc.sql(SELECT + " where r.id = :id").param("id", id).query((rs, n) -> rule(rs)).optional();
	}

	private static RoutingRule rule(ResultSet rs) throws SQLException {
		Object groupId = rs.getObject("group_id");
		return new RoutingRule(rs.getLong("id"), rs.getInt("sort_order"), rs.getString("name"),
				rs.getBoolean("enabled"), split(rs.getString("recommendations")), split(rs.getString("company_sizes")),
				integer(rs, "min_priority"), integer(rs, "max_priority"), split(rs.getString("sources")),
				rs.getString("owner"), (groupId != null) ? ((Number) groupId).longValue() : null,
				rs.getString("group_name"), rs.getInt("version"), instant(rs, "updated_at"),
				rs.getString("updated_by"));
	}

	/** The id of the rule with this name, if there is one. */
	Optional<Long> findIdByName(String name) {
		return this.jdbc.sql("select id from routing_rule where lower(name) = lower(:name)")
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	/** The names of the rules that hand leads to the group. */
	List<String> namesUsing(long groupId) {
		return this.jdbc.sql("select name from routing_rule where group_id = :id order by sort_order, id")
			.param("id", groupId)
			.query(String.class)
			.list();
	}

	/** Adds a rule after the last one; returns its id. */
	long insert(RuleInput rule, String actor, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into routing_rule (sort_order, name, enabled, recommendations, company_sizes, min_priority, "
					+ "max_priority, sources, owner, group_id, version, updated_at, updated_by) values ("
					+ "(select coalesce(max(sort_order), 0) + 1 from routing_rule), :name, :enabled, :recommendations, "
					+ ":companySizes, :minPriority, :maxPriority, :sources, :owner, :groupId, 0, :at, :actor)")
			.params(RuleRepository.params(rule, actor, at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Replaces a rule's fields; {@code false} unless it was at {@code version}. */
	boolean update(long id, int version, RuleInput rule, String actor, Instant at) {
		return this.jdbc
			.sql("update routing_rule set name = :name, enabled = :enabled, recommendations = :recommendations, "
					+ "company_sizes = :companySizes, min_priority = :minPriority, max_priority = :maxPriority, "
					+ "sources = :sources, owner = :owner, group_id = :groupId, version = version + 1, "
					+ "updated_at = :at, updated_by = :actor where id = :id and version = :version")
			.params(RuleRepository.params(rule, actor, at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static Map<String, Object> params(RuleInput rule, String actor, Instant at) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", rule.name());
		params.put("enabled", rule.enabled());
		params.put("recommendations", join(rule.recommendations()));
		params.put("companySizes", join(rule.companySizes()));
		params.put("minPriority", rule.minPriority());
		params.put("maxPriority", rule.maxPriority());
		params.put("sources", join(rule.sources()));
		params.put("owner", rule.owner());
		params.put("groupId", rule.groupId());
		params.put("at", timestamp(at));
		params.put("actor", actor);
		return params;
	}

	boolean delete(long id, int version) {
		return this.jdbc.sql("delete from routing_rule where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Every rule's id and version in order, locked until the end of the caller's
	 * transaction, so two moves at once cannot interleave.
	 */
	List<Placed> lockOrder() {
		return this.jdbc.sql("select id, version from routing_rule order by sort_order, id for update")
			.query((rs, n) -> new Placed(rs.getLong("id"), rs.getInt("version")))
			.list();
	}

	/** A rule's place in the list. */
	record Placed(long id, int version) {
	}

	/**
	 * Numbers the rules 1, 2, ... in the given order; the moved rule's version is raised.
	 */
	void renumber(List<Long> ids, long moved, String actor, Instant at) {
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			this.jdbc
				.sql("update routing_rule set sort_order = :order"
						+ ((id == moved) ? ", version = version + 1, updated_at = :at, updated_by = :actor" : "")
						+ " where id = :id")
				.param("order", i + 1)
				.param("id", id)
				.param("at", timestamp(at))
				.param("actor", actor)
				.update();
		}
	}

}
