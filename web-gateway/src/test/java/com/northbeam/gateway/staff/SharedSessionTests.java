package com.northbeam.gateway.staff;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.GatewayApplication;
import com.northbeam.testsupport.PostgresTestConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas on one database: a session made on one is honoured by the other,
 * and signing in always starts a new session id (no session fixation).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class SharedSessionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	Environment environment;

	@Autowired
	StaffAccounts accounts;

	@Test
	void aSessionSignedInOnOneReplicaWorksOnTheOther() throws Exception {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		try (ConfigurableApplicationContext secondReplica = startSecondReplica()) {
			int secondPort = ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
			CookieManager cookies = new CookieManager();
			HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

			String loginPage = browser.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString()).body();
			String sessionBeforeSignIn = sessionCookie(cookies).getValue();
			Matcher csrf = CSRF.matcher(loginPage);
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> signIn = browser.send(
					post(port, "/login", "email=" + encode(sales.email()) + "&password="
							+ encode(StaffTestSupport.PASSWORD) + "&_csrf=" + encode(csrf.group(1))),
					HttpResponse.BodyHandlers.ofString());
			assertThat(signIn.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/dashboard"));

			HttpCookie session = sessionCookie(cookies);
			assertThat(session.getValue()).as("a new session id after sign-in").isNotEqualTo(sessionBeforeSignIn);
			assertThat(session.isHttpOnly()).isTrue();

			HttpResponse<String> onSecond = browser.send(get(secondPort, "/dashboard"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(onSecond.statusCode()).isEqualTo(200);
			assertThat(onSecond.body()).contains("Signed in as " + sales.email());
		}
	}

	private ConfigurableApplicationContext startSecondReplica() {
		// Command-line arguments, so they win over application.properties as real
		// deployment settings do.
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + nullToEmpty(dataSource.getPassword()),
				"--gateway.services.content.base-url=" + environment.getProperty("gateway.services.content.base-url"),
				"--gateway.services.assessment.base-url="
						+ environment.getProperty("gateway.services.assessment.base-url"));
	}

	private static HttpCookie sessionCookie(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow();
	}

	private static HttpRequest get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
	}

	private static HttpRequest post(int port, String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
