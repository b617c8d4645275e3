package com.northbeam.content.article;

import com.northbeam.content.ContentServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class ArticleSearchRepositoryTests {

	@Autowired
	ArticleSearchRepository search;

	@Test
	void runsOnPostgresFullTextSearch() {
		assertThat(search.engine()).isInstanceOf(PostgresFullTextSearchRepository.class);
	}

}
