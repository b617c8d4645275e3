package com.northbeam.gateway.system;

import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links to stylesheets and scripts carry their content version; links to pages stay as
 * written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class VersionedResourceLinksTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	List<FilterRegistrationBean<?>> filters;

	@Test
	void stylesheetLinksCarryTheirVersionAndPageLinksStayAsWritten() {
		assertThat(mvc.get().uri("/login")).hasStatusOk()
			.bodyText()
			.containsPattern("href=\"/css/dashboard-[0-9a-f]{32}\\.css\"")
			.contains("action=\"/login\"")
			.doesNotContain("href=\"/css/dashboard.css\"");
	}

	@Test
	void itTakesThePlaceOfSpringsFilterWhichWouldLookUpEveryLink() {
		assertThat(filters.stream().map(FilterRegistrationBean::getFilter))
			.filteredOn(ResourceUrlEncodingFilter.class::isInstance)
			.singleElement()
			.isInstanceOf(VersionedResourceLinks.VersionedOnly.class);
	}

	@Test
	void onlyTheContentVersionedPathsAreVersioned() {
		VersionedResourceLinks.VersionedOnly filter = new VersionedResourceLinks.VersionedOnly(
				List.of("/css/**", "/js/**", "/icons/**"));
		assertThat(filter.versioned("/css/site.css", "")).isTrue();
		assertThat(filter.versioned("/js/site.js?x=1#top", "")).isTrue();
		assertThat(filter.versioned("/app/icons/logo.svg", "/app")).isTrue();
		assertThat(filter.versioned("/icons/logo.svg", "/app")).isFalse();
		assertThat(filter.versioned("/dashboard/leads/42/status", "")).isFalse();
		assertThat(filter.versioned("/articles/css/x#css/y.css", "")).isFalse();
		assertThat(filter.versioned("https://example.test/css/site.css", "")).isFalse();
	}

}
