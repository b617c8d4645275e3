package com.northbeam.gateway.staff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class FirstAdminTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsTheConfiguredAdminOnceAndNeverResetsItsPassword() {
		demoteEveryAdmin();
		String email = StaffTestSupport.uniqueEmail("first-admin");

		firstAdmin(email, "first password, long enough").run(null);
		firstAdmin(email, "another password, long enough").run(null);

		StaffAccount admin = accounts.byEmail(email).orElseThrow();
		assertThat(admin.roles()).containsExactly(StaffRole.ADMIN);
		String hash = jdbc.sql("SELECT password_hash FROM staff_account WHERE id = ?")
			.param(admin.id())
			.query(String.class)
			.single();
		assertThat(passwordEncoder.matches("first password, long enough", hash)).isTrue();
		assertThat(hash).startsWith("{bcrypt}");
	}

	/** Replicas starting together on an empty database all start; one admin is made. */
	@Test
	void replicasCreatingTheFirstAdminAtOnceAllStartAndMakeOneAccount() throws Exception {
		demoteEveryAdmin();
		String email = StaffTestSupport.uniqueEmail("first-admin-race");
		int replicas = 4;
		CyclicBarrier together = new CyclicBarrier(replicas);
		ExecutorService executor = Executors.newFixedThreadPool(replicas);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < replicas; i++) {
				FirstAdmin replica = firstAdmin(email, "a password, long enough");
				runs.add(executor.submit(() -> {
					together.await();
					replica.run(null);
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(
				jdbc.sql("SELECT count(*) FROM staff_account WHERE email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);
		assertThat(accounts.byEmail(email).orElseThrow().roles()).containsExactly(StaffRole.ADMIN);
	}

	@Test
	void withoutSettingsNoAccountIsCreated() {
		demoteEveryAdmin();
		int before = accounts.all().size();

		firstAdmin(null, null).run(null);

		assertThat(accounts.all()).hasSize(before);
	}

	private FirstAdmin firstAdmin(String email, String password) {
		return new FirstAdmin(accounts, new StaffProperties(new StaffProperties.FirstAdmin(email, password, "Admin"),
				new StaffProperties.SignIn(Duration.ofMinutes(15), 5, 20)));
	}

	private void demoteEveryAdmin() {
		jdbc.sql("UPDATE staff_account SET roles = 'SALES' WHERE roles LIKE '%ADMIN%'").update();
	}

}
