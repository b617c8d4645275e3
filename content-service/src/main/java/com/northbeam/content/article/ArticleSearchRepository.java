package com.northbeam.content.article;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL full-text search in production; the LIKE-based equivalent on the embedded
 * database.
 */
@Repository
class ArticleSearchRepository implements ArticleSearch {

	private final ArticleSearch engine;

	ArticleSearchRepository(DataSource dataSource, JdbcClient jdbc) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.engine = "PostgreSQL".equalsIgnoreCase(product) ? new PostgresFullTextSearchRepository(jdbc)
				: new SimpleTextSearchRepository(jdbc);
	}

	@Override
	public List<ArticleMatch> search(String query, int limit, Instant now) {
		return engine.search(query, limit, now);
	}

	ArticleSearch engine() {
		return engine;
	}

}
