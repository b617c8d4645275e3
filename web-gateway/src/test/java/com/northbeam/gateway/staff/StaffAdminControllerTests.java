package com.northbeam.gateway.staff;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class StaffAdminControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Test
	void anAdminCreatesASalesAccountThatCanThenSignIn() {
		String email = StaffTestSupport.uniqueEmail("new-sales");

		assertThat(mvc.post()
			.uri("/dashboard/admin/staff")
			.with(user("admin@northbeam.test").roles("ADMIN"))
			.with(csrf())
			.param("email", email)
			.param("name", "Sam Seller")
			.param("roles", "SALES")
			.param("password", "a long enough password")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/admin/staff");

		StaffAccount created = accounts.byEmail(email).orElseThrow();
		assertThat(created.roles()).containsExactly(StaffRole.SALES);
		assertThat(mvc.post()
			.uri("/login")
			.param("email", email)
			.param("password", "a long enough password")
			.with(csrf())
			.with(StaffTestSupport.fromUniqueAddress())).redirectedUrl().isEqualTo("/dashboard");
	}

	@Test
	void badInputIsShownNextToTheFieldsAndNothingIsStored() {
		String email = StaffTestSupport.uniqueEmail("bad");

		assertThat(mvc.post()
			.uri("/dashboard/admin/staff")
			.with(user("admin@northbeam.test").roles("ADMIN"))
			.with(csrf())
			.param("email", email)
			.param("name", "")
			.param("password", "short")).hasStatusOk()
			.bodyText()
			.contains("Enter a name of at most 120 characters.", "Choose at least one role.",
					"Use 12 to 128 characters.")
			.contains("value=\"" + email + "\"")
			.satisfies((html) -> assertThat(html.split("name=\"roles\"", -1)).hasSize(StaffRole.values().length + 1));
		assertThat(accounts.byEmail(email)).isEmpty();
	}

	@Test
	void namesAreShownEscaped() {
		accounts.create(StaffTestSupport.uniqueEmail("xss"), "<script>alert(1)</script>",
				java.util.Set.of(StaffRole.SALES), StaffTestSupport.PASSWORD);

		assertThat(mvc.get().uri("/dashboard/admin/staff").with(user("admin@northbeam.test").roles("ADMIN")))
			.hasStatusOk()
			.bodyText()
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void untickingMaySignInDisablesTheAccount() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);

		assertThat(mvc.post()
			.uri("/dashboard/admin/staff/" + sales.id())
			.with(user("admin@northbeam.test").roles("ADMIN"))
			.with(csrf())
			.param("version", String.valueOf(sales.version()))
			.param("name", sales.name())
			.param("roles", "SALES")).hasStatus3xxRedirection();
		assertThat(accounts.byId(sales.id()).orElseThrow().enabled()).isFalse();
	}

	@Test
	void aStaleEditShowsTheNewerStateInsteadOfOverwritingIt() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		accounts.update(sales.id(), sales.version(), "Renamed Meanwhile", sales.roles(), true);

		assertThat(mvc.post()
			.uri("/dashboard/admin/staff/" + sales.id())
			.with(user("admin@northbeam.test").roles("ADMIN"))
			.with(csrf())
			.param("version", String.valueOf(sales.version()))
			.param("name", "My Stale Edit")
			.param("roles", "SALES")
			.param("enabled", "true")).hasStatusOk()
			.bodyText()
			.contains("Someone else changed this account", "Renamed Meanwhile");
		assertThat(accounts.byId(sales.id()).orElseThrow().name()).isEqualTo("Renamed Meanwhile");
	}

	@Test
	void theLastEnabledAdminCannotBeDemoted() {
		accounts.all()
			.stream()
			.filter(StaffAccount::isAdmin)
			.forEach((admin) -> accounts.update(admin.id(), admin.version(), admin.name(),
					java.util.Set.of(StaffRole.SALES), admin.enabled()));
		StaffAccount onlyAdmin = StaffTestSupport.account(accounts, StaffRole.ADMIN);

		assertThat(mvc.post()
			.uri("/dashboard/admin/staff/" + onlyAdmin.id())
			.with(user("admin@northbeam.test").roles("ADMIN"))
			.with(csrf())
			.param("version", String.valueOf(onlyAdmin.version()))
			.param("name", onlyAdmin.name())
			.param("roles", "SALES")
			.param("enabled", "true")).hasStatusOk().bodyText().contains("This is the last enabled admin");
		assertThat(accounts.byId(onlyAdmin.id()).orElseThrow().isAdmin()).isTrue();
	}

	@Test
	void everyFormNeedsTheCsrfToken() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);

		assertThat(mvc.post().uri("/dashboard/admin/staff").with(user("admin@northbeam.test").roles("ADMIN")))
			.hasStatus(403);
		assertThat(mvc.post()
			.uri("/dashboard/admin/staff/" + sales.id())
			.with(user("admin@northbeam.test").roles("ADMIN"))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/dashboard/admin/staff/" + sales.id() + "/password")
			.with(user("admin@northbeam.test").roles("ADMIN"))).hasStatus(403);
		assertThat(mvc.post().uri("/logout").with(user("admin@northbeam.test").roles("ADMIN"))).hasStatus(403);
	}

}
