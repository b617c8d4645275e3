package com.northbeam.gateway;

import com.northbeam.testsupport.architecture.FeatureArchitecture;
import com.northbeam.testsupport.architecture.FeatureArchitectureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps ({@link FeatureArchitectureTests}), derived from the
 * packages and from the {@code ### Tables} of docs/architecture.md, plus the gateway's
 * own: only {@code client} talks HTTP to the services and only it uses their tokens, and
 * the public site and the dashboard know nothing of each other.
 */
class ArchitectureTests extends FeatureArchitectureTests {

	static final String ROOT = "com.northbeam.gateway";

	static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of(ROOT, "web-gateway");

	@Override
	protected FeatureArchitecture architecture() {
		return ARCHITECTURE;
	}

	/**
	 * The packages of HTTP clients: Spring's RestClient, WebClient and HTTP interfaces,
	 * their request factories and Boot's configuration of them, and the JDK's client.
	 */
	static final String[] HTTP_CLIENT_PACKAGES = { "org.springframework.web.client..",
			"org.springframework.web.service..", "org.springframework.web.reactive.function.client..",
			"org.springframework.http.client..", "org.springframework.boot.restclient..",
			"org.springframework.boot.http.client..", "java.net.http.." };

	/**
	 * The typed clients are the gateway's one view of the services: tokens, timeouts,
	 * circuit breakers and error mapping live there, so nothing else opens a connection.
	 */
	@Test
	void onlyClientTalksHttp() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".client..")
			.should()
			.dependOnClassesThat(
					resideInAnyPackage(HTTP_CLIENT_PACKAGES).or(assignableTo(java.net.URLConnection.class)))
			.because("only client/ talks HTTP to the services")
			.check(ARCHITECTURE.classes());
	}

	@Test
	void publicSiteDoesNotDependOnDashboard() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".site..", ROOT + ".assessment..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".dashboard..")
			.check(ARCHITECTURE.classes());
	}

	@Test
	void dashboardDoesNotDependOnPublicSite() {
		noClasses().that()
			.resideInAPackage(ROOT + ".dashboard..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".site..", ROOT + ".assessment..")
			.check(ARCHITECTURE.classes());
	}

	/**
	 * Service tokens are minted for calls, so only the clients that make calls ask for
	 * them.
	 */
	@Test
	void onlyClientUsesServiceTokens() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".client..", ROOT + ".token..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".token..")
			.check(ARCHITECTURE.classes());
	}

}
