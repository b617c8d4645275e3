package com.northbeam.content.article;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleTextSearchRepositoryTests {

	@Test
	void splitsQueriesIntoDistinctLowerCaseWords() {
		assertThat(SimpleTextSearchRepository.words("  24/7 Monitoring, monitoring!  co-managed "))
			.containsExactly("24/7", "monitoring", "co-managed");
		assertThat(SimpleTextSearchRepository.words(" ?! ")).isEmpty();
	}

	@Test
	void snippetsEscapeEverythingButTheMarks() {
		String snippet = SimpleTextSearchRepository
			.snippet("Before <script>alert(1)</script> we offer 24/7 Monitoring & more", List.of("24/7", "monitoring"));
		assertThat(snippet).isEqualTo(
				"Before &lt;script&gt;alert(1)&lt;/script&gt; we offer <mark>24/7</mark> <mark>Monitoring</mark> &amp; more");
	}

	@Test
	void storedTextCannotForgeMarks() {
		String snippet = SimpleTextSearchRepository.snippet("cost \u0002<b>\u0003", List.of("cost"));
		assertThat(snippet).isEqualTo("<mark>cost</mark> &lt;b&gt;");
	}

}
