package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.client.PageRead;
import com.northbeam.gateway.client.ContentClient.Article;
import com.northbeam.gateway.client.ContentClient.ArticleLookup;
import com.northbeam.gateway.client.ContentClient.TocEntry;
import com.northbeam.gateway.site.SiteContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * What a visitor reads on the site, kept in the visit's own first-party session so that
 * the lead made from its assessment shows what the prospect read before and after it. The
 * session is a random id in the {@value #COOKIE} cookie (HttpOnly, SameSite=Lax, gone
 * when the browser closes); nothing else about the visitor is kept or derived. Browsers
 * that ask not to be tracked ({@code Sec-GPC} or {@code DNT}), crawlers and scripts
 * ({@link Visitors}) get no session and nothing is recorded.
 * <p>
 * Pages read before the assessment (the latest {@link ReadingProperties#maxPages()}) go
 * to assessment-service with the submission and are deleted here. Afterwards the session
 * names the submission, and each page read until it expires is queued in
 * {@code outbound_request}, which delivers it to the lead's reading history. Recording is
 * a courtesy: when the database cannot take a page, the page is served all the same.
 */
@Component
class ReadingHistory implements SchedulingConfigurer {

	private static final int MAX_TITLE = 300;

	private static final Logger log = LoggerFactory.getLogger(ReadingHistory.class);

	private final ReadingSessionRepository sessions;

	private final OutboundRequestRepository outbox;

	private final SiteContent content;

	private final ReadingProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	ReadingHistory(ReadingSessionRepository sessions, OutboundRequestRepository outbox, SiteContent content,
			ReadingProperties properties, JsonMapper json, Clock clock) {
		this.sessions = sessions;
		this.outbox = outbox;
		this.content = content;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records an article page read in a session, reached from the guide section
	 * {@code from} if not {@code null}.
	 */
	void articleRead(UUID sessionId, String slug, ReadingCookies.SectionLink from) {
		Article article = article(slug);
		if (article == null) {
			return;
		}
		String section = null;
		String sectionTitle = null;
		if (from != null) {
			Article source = from.slug().equals(slug) ? article : article(from.slug());
			sectionTitle = (source != null) ? heading(source, from.anchor()) : null;
			section = (sectionTitle != null) ? from.anchor() : null;
		}
		record(sessionId,
				new PageRead(article.slug(), clean(article.title()), section, clean(sectionTitle), clock.instant()));
	}

	/** Records a section of an article chosen on its page. */
	void sectionRead(UUID sessionId, String slug, String anchor) {
		if (!ReadingCookies.SLUG.matcher(slug).matches() || !ReadingCookies.ANCHOR.matcher(anchor).matches()) {
			return;
		}
		Article article = article(slug);
		String heading = (article != null) ? heading(article, anchor) : null;
		if (heading != null) {
			record(sessionId,
					new PageRead(article.slug(), clean(article.title()), anchor, clean(heading), clock.instant()));
		}
	}

	private void record(UUID sessionId, PageRead page) {
		try {
			Instant now = page.viewedAt();
			ReadingSessionRepository.Session session = sessions.find(sessionId)
				.filter((found) -> !found.expired(now))
				.orElse(null);
			if (session == null) {
				sessions.start(sessionId, now, now.plus(properties.lifetime()));
				sessions.addPage(sessionId, page, properties.maxPages());
			}
			else if (session.submissionId() == null) {
				sessions.addPage(sessionId, page, properties.maxPages());
			}
			else if (sessions.countPageAfter(sessionId, properties.maxPages())) {
				outbox.insertIfAbsent(UUID.randomUUID(), OutboundRequest.Kind.READING, session.submissionId(),
						json.writeValueAsString(page), now);
			}
		}
		catch (DataAccessException ex) {
			log.warn("A page read was not recorded: {}", ex.getMessage());
		}
	}

	/** The pages read in a session before its assessment, oldest first. */
	List<PageRead> before(UUID sessionId) {
		try {
			return sessions.pages(sessionId);
		}
		catch (DataAccessException ex) {
			log.warn("The reading history of a submission was not read; it goes without: {}", ex.getMessage());
			return List.of();
		}
	}

	/**
	 * The session's assessment is submitted: the pages read so far went with it; pages
	 * read from now until the session expires are forwarded to it.
	 */
	void submitted(UUID sessionId, UUID submissionId) {
		Instant now = clock.instant();
		try {
			sessions.submitted(sessionId, submissionId, now, now.plus(properties.lifetime()));
		}
		catch (DataAccessException ex) {
			log.warn("Submission {} not linked to its reading session: {}", submissionId, ex.getMessage());
		}
	}

	/** Forgets every session of a submission (its lead is erased). */
	int erase(UUID submissionId) {
		return sessions.deleteForSubmission(submissionId);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::deleteExpired, Duration.ofMinutes(10));
	}

	int deleteExpired() {
		try {
			int deleted = sessions.deleteExpired(clock.instant());
			if (deleted > 0) {
				log.info("Deleted {} expired reading session(s)", deleted);
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			log.warn("Deleting expired reading sessions failed: {}", ex.toString());
			return 0;
		}
	}

	private Article article(String slug) {
		try {
			return (content.article(slug) instanceof ArticleLookup.Found found) ? found.article() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String heading(Article article, String anchor) {
		return article.toc()
			.stream()
			.filter((entry) -> anchor.equals(entry.id()))
			.map(TocEntry::text)
			.findFirst()
			.orElse(null);
	}

	/**
	 * A title as assessment-service takes it (at most 300 characters, no control
	 * characters), so that a long heading never holds a submission up.
	 */
	static String clean(String title) {
		if (title == null) {
			return null;
		}
		String plain = title.codePoints()
			.map((c) -> Character.isISOControl(c) ? ' ' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		return (plain.length() > MAX_TITLE) ? plain.substring(0, MAX_TITLE - 1) + "…" : plain;
	}

}
