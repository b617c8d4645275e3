package com.northbeam.content.search;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** PostgreSQL full-text search in production; the LIKE-based equivalent on the embedded database. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean
	SearchEngine searchEngine(DataSource dataSource, JdbcClient jdbc) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		return "PostgreSQL".equalsIgnoreCase(product) ? new PostgresFullTextSearch(jdbc) : new SimpleTextSearch(jdbc);
	}

}
