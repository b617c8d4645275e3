package com.northbeam.content.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search for the embedded database, which has no full-text engine: every word must occur
 * (as a substring, so "monitor" finds "monitoring"); candidates come from SQL
 * {@code LIKE}, and are ranked in Java with the same weighting idea as PostgreSQL: a word
 * in the title counts most, in the summary less, in the body least.
 */
class SimpleTextSearchRepository implements ArticleSearch {

	private static final int MAX_WORDS = 8;

	private static final int SNIPPET_BEFORE = 80;

	private static final int SNIPPET_LENGTH = 240;

	private final JdbcClient jdbc;

	SimpleTextSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Candidate(String slug, Kind kind, String title, String summary, String bodyText, Instant publishAt) {
	}

	@Override
	public List<ArticleMatch> search(String query, int limit, Instant now) {
		List<String> words = words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		String conditions = IntStream.range(0, words.size())
			.mapToObj((
					i) -> "(LOWER(a.title) LIKE :w%1$d OR LOWER(a.summary) LIKE :w%1$d OR LOWER(a.body_text) LIKE :w%1$d)"
						.formatted(i))
			.collect(Collectors.joining(" AND "));
		JdbcClient.StatementSpec statement = jdbc.sql("""
				SELECT a.slug, a.kind, a.title, a.summary, a.body_text, a.publish_at FROM article a
				WHERE %s AND %s""".formatted(ArticleRepository.VISIBLE, conditions)).param("now", Times.param(now));
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, "%" + escapeLike(words.get(i)) + "%");
		}
		return statement
			.query((rs, row) -> new Candidate(rs.getString("slug"), Kind.fromCode(rs.getString("kind")),
					rs.getString("title"), rs.getString("summary"), rs.getString("body_text"),
					Times.get(rs, "publish_at")))
			.list()
			.stream()
			.map((candidate) -> new ArticleMatch(candidate.slug(), candidate.kind(), candidate.title(),
					candidate.summary(), snippet(candidate.bodyText(), words), rank(candidate, words)))
			.sorted(Comparator.comparingDouble(ArticleMatch::rank).reversed())
			.limit(limit)
			.toList();
	}

	static List<String> words(String query) {
		return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
			.map((word) -> word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""))
			.filter((word) -> !word.isEmpty())
			.distinct()
			.limit(MAX_WORDS)
			.toList();
	}

	static double rank(Candidate candidate, List<String> words) {
		double rank = 0;
		for (String word : words) {
			rank += (candidate.title().toLowerCase(Locale.ROOT).contains(word) ? 1.0 : 0)
					+ (candidate.summary().toLowerCase(Locale.ROOT).contains(word) ? 0.4 : 0)
					+ Math.min(1.0, 0.05 * occurrences(candidate.bodyText().toLowerCase(Locale.ROOT), word));
		}
		return rank / words.size();
	}

	static String snippet(String text, List<String> words) {
		String lower = text.toLowerCase(Locale.ROOT);
		int first = words.stream().mapToInt(lower::indexOf).filter((i) -> i >= 0).min().orElse(0);
		int start = Math.max(0, first - SNIPPET_BEFORE);
		while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
			start--;
		}
		int end = Math.min(text.length(), start + SNIPPET_LENGTH);
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		String window = Snippets.withoutMarkers(text.substring(start, end));
		Pattern pattern = Pattern.compile(words.stream().map(Pattern::quote).collect(Collectors.joining("|")),
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		Matcher matcher = pattern.matcher(window);
		String marked = matcher
			.replaceAll((match) -> Matcher.quoteReplacement(Snippets.START + match.group() + Snippets.STOP));
		return ((start > 0) ? "… " : "") + Snippets.toHtml(marked) + ((end < text.length()) ? " …" : "");
	}

	private static int occurrences(String text, String word) {
		int count = 0;
		for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
			count++;
		}
		return count;
	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
