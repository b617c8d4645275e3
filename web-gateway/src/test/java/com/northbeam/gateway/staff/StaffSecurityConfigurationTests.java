package com.northbeam.gateway.staff;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class StaffSecurityConfigurationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		assertThat(mvc.get().uri("/dashboard")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/dashboard/admin/staff")).hasStatus3xxRedirection()
			.redirectedUrl()
			.endsWith("/login");
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Staff sign-in", "name=\"_csrf\"");
	}

	@Test
	void eachRoleReachesOnlyItsPart() {
		assertThat(mvc.get().uri("/dashboard").with(user("s@northbeam.test").roles("SALES"))).hasStatusOk();
		assertThat(mvc.get().uri("/dashboard/admin/staff").with(user("s@northbeam.test").roles("SALES")))
			.hasStatus(403);
		assertThat(mvc.get().uri("/dashboard/admin/staff").with(user("e@northbeam.test").roles("EDITOR")))
			.hasStatus(403);
		assertThat(mvc.get().uri("/dashboard/admin/staff").with(user("a@northbeam.test").roles("ADMIN"))).hasStatusOk();
		assertThat(mvc.get().uri("/dashboard/leads").with(user("e@northbeam.test").roles("EDITOR"))).hasStatus(403);
		assertThat(mvc.get().uri("/dashboard/content").with(user("s@northbeam.test").roles("SALES"))).hasStatus(403);
	}

	@Test
	void signingInRecordsTheSignInAndSigningOutEndsTheSession() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		MockHttpSession session = new MockHttpSession();

		MvcTestResult signIn = mvc.post()
			.uri("/login")
			.session(session)
			.param("email", sales.email().toUpperCase())
			.param("password", StaffTestSupport.PASSWORD)
			.with(csrf())
			.with(StaffTestSupport.fromUniqueAddress())
			.exchange();

		assertThat(signIn).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/dashboard");
		assertThat(accounts.byId(sales.id()).orElseThrow().lastSignInAt()).isNotNull();
		assertThat(mvc.post().uri("/logout").session(session).with(csrf())).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/login?signedOut");
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);

		assertThat(mvc.post()
			.uri("/login")
			.param("email", sales.email())
			.param("password", StaffTestSupport.PASSWORD)
			.with(StaffTestSupport.fromUniqueAddress())).hasStatus(403);
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailLookTheSame() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);

		MvcTestResult wrongPassword = signIn(sales.email(), "not the password");
		MvcTestResult unknownEmail = signIn(StaffTestSupport.uniqueEmail("nobody"), "not the password");

		assertThat(wrongPassword).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login?error");
		assertThat(unknownEmail).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login?error");
	}

	@Test
	void repeatedFailuresPauseTheAccountEvenForTheRightPassword() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(sales.email(), "guess " + i)).redirectedUrl().isEqualTo("/login?error");
		}

		assertThat(signIn(sales.email(), StaffTestSupport.PASSWORD)).redirectedUrl().isEqualTo("/login?error");
	}

	@Test
	void repeatedFailuresFromOneAddressPauseEveryAccountFromThere() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		var address = StaffTestSupport.fromUniqueAddress();
		for (int i = 0; i < 20; i++) {
			mvc.post()
				.uri("/login")
				.param("email", StaffTestSupport.uniqueEmail("spray"))
				.param("password", "guess")
				.with(csrf())
				.with(address)
				.exchange();
		}

		assertThat(mvc.post()
			.uri("/login")
			.param("email", sales.email())
			.param("password", StaffTestSupport.PASSWORD)
			.with(csrf())
			.with(address)).redirectedUrl().isEqualTo("/login?error");
		assertThat(signIn(sales.email(), StaffTestSupport.PASSWORD)).redirectedUrl().isEqualTo("/dashboard");
	}

	@Test
	void aDisabledAccountCannotSignIn() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		accounts.update(sales.id(), sales.version(), sales.name(), sales.roles(), false);

		assertThat(signIn(sales.email(), StaffTestSupport.PASSWORD)).redirectedUrl().isEqualTo("/login?error");
	}

	@Test
	void dashboardPagesAreNeverCachedAndCarryTheSecurityHeaders() {
		assertThat(mvc.get().uri("/dashboard").with(user("s@northbeam.test").roles("SALES"))).hasStatusOk()
			.headers()
			.hasValue("X-Content-Type-Options", "nosniff")
			.containsHeaders("Content-Security-Policy", "Referrer-Policy", "Permissions-Policy")
			.satisfies((headers) -> {
				assertThat(headers.getCacheControl()).contains("no-store");
				assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
					.doesNotContain("unsafe-inline");
			});
	}

	private MvcTestResult signIn(String email, String password) {
		return mvc.post()
			.uri("/login")
			.param("email", email)
			.param("password", password)
			.with(csrf())
			.with(StaffTestSupport.fromUniqueAddress())
			.exchange();
	}

}
