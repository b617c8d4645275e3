package com.northbeam.gateway.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

	private static final String COLUMNS = "id, email, name, roles, enabled, created_at, last_sign_in_at, version";

	private final JdbcClient jdbc;

	StaffRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StaffAccount> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE email = ?")
			.param(email)
			.query(StaffRepository::account)
			.optional();
	}

	Optional<StaffAccount> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE id = ?")
			.param(id)
			.query(StaffRepository::account)
			.optional();
	}

	Optional<String> passwordHash(String email) {
		return jdbc.sql("SELECT password_hash FROM staff_account WHERE email = ?")
			.param(email)
			.query(String.class)
			.optional();
	}

	List<StaffAccount> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account ORDER BY name, email")
			.query(StaffRepository::account)
			.list();
	}

	int countEnabledAdmins() {
		return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE enabled AND roles LIKE '%ADMIN%'")
			.query(Integer.class)
			.single();
	}

	void insert(StaffAccount account, String passwordHash) {
		jdbc.sql("""
				INSERT INTO staff_account (id, email, name, password_hash, roles, enabled, created_at, version)
				VALUES (:id, :email, :name, :hash, :roles, :enabled, :createdAt, 0)""")
			.param("id", account.id())
			.param("email", account.email())
			.param("name", account.name())
			.param("hash", passwordHash)
			.param("roles", rolesColumn(account.roles()))
			.param("enabled", account.enabled())
			.param("createdAt", utc(account.createdAt()))
			.update();
	}

	/**
	 * Updates name, roles and enabled flag if nobody changed the account since
	 * {@code version}.
	 */
	boolean update(UUID id, int version, String name, Set<StaffRole> roles, boolean enabled) {
		return jdbc.sql("""
				UPDATE staff_account SET name = :name, roles = :roles, enabled = :enabled, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("name", name)
			.param("roles", rolesColumn(roles))
			.param("enabled", enabled)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void updatePasswordHash(UUID id, String passwordHash) {
		jdbc.sql("UPDATE staff_account SET password_hash = ?, version = version + 1 WHERE id = ?")
			.params(passwordHash, id)
			.update();
	}

	void recordSignIn(String email, Instant at) {
		jdbc.sql("UPDATE staff_account SET last_sign_in_at = ? WHERE email = ?").params(utc(at), email).update();
	}

	private static StaffAccount account(ResultSet rs, int row) throws SQLException {
		Timestamp lastSignIn = rs.getTimestamp("last_sign_in_at");
		return new StaffAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				roles(rs.getString("roles")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
				(lastSignIn != null) ? lastSignIn.toInstant() : null, rs.getInt("version"));
	}

	private static Set<StaffRole> roles(String column) {
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		Arrays.stream(column.split(",")).filter((role) -> !role.isBlank()).map(StaffRole::valueOf).forEach(roles::add);
		return roles;
	}

	private static String rolesColumn(Set<StaffRole> roles) {
		return roles.stream().sorted().map(StaffRole::name).collect(Collectors.joining(","));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
