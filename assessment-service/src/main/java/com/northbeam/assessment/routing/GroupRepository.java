package com.northbeam.assessment.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static com.northbeam.assessment.routing.Columns.instant;
import static com.northbeam.assessment.routing.Columns.timestamp;

/** Round-robin groups, their members in turn order, and whose turn it is. */
@Repository
class GroupRepository {

	private final JdbcClient jdbc;

	GroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RoutingGroup> findAll() {
		return groups("select id, name, next_turn, version, updated_at, updated_by from routing_group order by name",
				"select group_id, email from routing_group_member order by group_id, turn", Map.of());
	}

	Optional<RoutingGroup> find(long id) {
		return groups("select id, name, next_turn, version, updated_at, updated_by from routing_group where id = :id",
				"select group_id, email from routing_group_member where group_id = :id order by turn", Map.of("id", id))
			.stream()
			.findFirst();
	}

	private List<RoutingGroup> groups(String groupsSql, String membersSql, Map<String, Object> params) {
		Map<Long, List<String>> members = new LinkedHashMap<>();
		this.jdbc.sql(membersSql)
			.params(params)
			.query((rs, n) -> Map.entry(rs.getLong("group_id"), rs.getString("email")))
			.list()
			.forEach((member) -> members.computeIfAbsent(member.getKey(), (id) -> new ArrayList<>())
				.add(member.getValue()));
		return this.jdbc.sql(groupsSql)
			.params(params)
			.query((rs, n) -> new RoutingGroup(rs.getLong("id"), rs.getString("name"),
					members.getOrDefault(rs.getLong("id"), List.of()), rs.getInt("next_turn"), rs.getInt("version"),
					instant(rs, "updated_at"), rs.getString("updated_by")))
			.list();
	}

	Optional<Long> findIdByName(String name) {
		return this.jdbc.sql("select id from routing_group where lower(name) = lower(:name)")
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	long insert(GroupInput group, String actor, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into routing_group (name, next_turn, version, updated_at, updated_by) "
					+ "values (:name, 0, 0, :at, :actor)")
			.param("name", group.name())
			.param("at", timestamp(at))
			.param("actor", actor)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		insertMembers(id, group.members());
		return id;
	}

	/**
	 * Renames a group and replaces its members; {@code false} unless it was at
	 * {@code version}. The turn stays where it was while the group still has that many
	 * members.
	 */
	boolean update(long id, int version, GroupInput group, String actor, Instant at) {
		boolean updated = this.jdbc
			.sql("update routing_group set name = :name, next_turn = case when next_turn < :size then next_turn "
					+ "else 0 end, version = version + 1, updated_at = :at, updated_by = :actor "
					+ "where id = :id and version = :version")
			.param("name", group.name())
			.param("size", group.members().size())
			.param("at", timestamp(at))
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update() == 1;
		if (updated) {
			this.jdbc.sql("delete from routing_group_member where group_id = :id").param("id", id).update();
			insertMembers(id, group.members());
		}
		return updated;
	}

	private void insertMembers(long id, List<String> members) {
		for (int turn = 0; turn < members.size(); turn++) {
			this.jdbc.sql("insert into routing_group_member (group_id, turn, email) values (:id, :turn, :email)")
				.param("id", id)
				.param("turn", turn)
				.param("email", members.get(turn))
				.update();
		}
	}

	boolean delete(long id, int version) {
		return this.jdbc.sql("delete from routing_group where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * The enabled member whose turn it is, taking the turn: the group's row stays locked
	 * until the caller's transaction ends, so concurrent leads (on any replica) wait and
	 * then see the turn this one took. Members whose account is disabled or unknown are
	 * passed over; empty when none is enabled (the turn does not move).
	 */
	Optional<String> takeTurn(long groupId) {
		Optional<Integer> next = this.jdbc.sql("select next_turn from routing_group where id = :id for update")
			.param("id", groupId)
			.query(Integer.class)
			.optional();
		if (next.isEmpty()) {
			return Optional.empty();
		}
		List<Member> members = this.jdbc
			.sql("select m.email, coalesce(p.enabled, false) enabled from routing_group_member m "
					+ "left join sales_person p on p.email = m.email where m.group_id = :id order by m.turn")
			.param("id", groupId)
			.query((rs, n) -> new Member(rs.getString("email"), rs.getBoolean("enabled")))
			.list();
		for (int i = 0; i < members.size(); i++) {
			int turn = (next.get() + i) % members.size();
			if (members.get(turn).enabled()) {
				this.jdbc.sql("update routing_group set next_turn = :next where id = :id")
					.param("next", (turn + 1) % members.size())
					.param("id", groupId)
					.update();
				return Optional.of(members.get(turn).email());
			}
		}
		return Optional.empty();
	}

	private record Member(String email, boolean enabled) {
	}

}
