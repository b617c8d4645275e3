package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import com.northbeam.gateway.token.ServiceTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The gateway's view of content-service's editor API (drafts, publishing, revisions, FAQs). Every
 * call carries a token issued for the signed-in staff member, so content-service records the real
 * person in its revision history. Refusals become {@link ContentRejectedException} (field errors),
 * {@link StaleContentException} (someone saved first) or {@link ContentNotFoundException}; every
 * successful write announces a {@link ContentEdited} so cached copies of the public site can go.
 */
@Component
public class ContentEditingClient {

	static final String AUDIENCE = "content-service";

	private static final ParameterizedTypeReference<List<ArticleSummary>> SUMMARIES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<RevisionSummary>> REVISIONS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Faq>> FAQS = new ParameterizedTypeReference<>() {
	};

	private final ServiceCall content;

	private final TokenIssuer tokens;

	private final ApplicationEventPublisher events;

	@Autowired
	ContentEditingClient(ServiceClientProperties properties, RestClient.Builder builder, ServiceTokens tokens,
			ApplicationEventPublisher events) {
		this(properties, builder, (subject, scopes) -> tokens.issue(AUDIENCE, subject, scopes), events);
	}

	ContentEditingClient(ServiceClientProperties properties, RestClient.Builder builder, TokenIssuer tokens,
			ApplicationEventPublisher events) {
		this.content = new ServiceCall(AUDIENCE, properties.content(), builder);
		this.tokens = tokens;
		this.events = events;
	}

	/** Every article whatever its status, optionally only those with one status. */
	public List<ArticleSummary> articles(Editor editor, String status) {
		Optional<String> statusFilter = Optional.ofNullable(status).filter((s) -> !s.isBlank());
		List<ArticleSummary> found = call(editor, "articles", (rest, bearer) -> rest.get()
			.uri((uri) -> uri.path("/api/editor/articles").queryParamIfPresent("status", statusFilter).build())
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(SUMMARIES));
		return (found != null) ? List.copyOf(found) : List.of();
	}

	public Article article(Editor editor, long id) {
		return call(editor, "article " + id, (rest, bearer) -> rest.get()
			.uri("/api/editor/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(Article.class));
	}

	/** Creates a draft. */
	public Article create(Editor editor, ArticleInput input) {
		return written(call(editor, "new article", (rest, bearer) -> rest.post()
			.uri("/api/editor/articles")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(input)
			.retrieve()
			.body(Article.class)));
	}

	/** Saves an edit; {@code input.version()} is the version the editor started from. */
	public Article update(Editor editor, long id, ArticleInput input) {
		return written(call(editor, "article " + id, (rest, bearer) -> rest.put()
			.uri("/api/editor/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(input)
			.retrieve()
			.body(Article.class)));
	}

	/** Publishes, schedules (needs {@code publishAt}), unpublishes or archives. */
	public Article transition(Editor editor, long id, Transition transition, int version, Instant publishAt) {
		return written(call(editor, "article " + id, (rest, bearer) -> rest.post()
			.uri("/api/editor/articles/{id}/{transition}", id, transition.path())
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new TransitionInput(version, publishAt))
			.retrieve()
			.body(Article.class)));
	}

	/** Replaces the curated related articles, by slug, in reading order. */
	public Article replaceRelated(Editor editor, long id, List<String> slugs) {
		return written(call(editor, "article " + id, (rest, bearer) -> rest.put()
			.uri("/api/editor/articles/{id}/related", id)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new RelatedInput(slugs))
			.retrieve()
			.body(Article.class)));
	}

	public List<RevisionSummary> revisions(Editor editor, long id) {
		List<RevisionSummary> found = call(editor, "article " + id, (rest, bearer) -> rest.get()
			.uri("/api/editor/articles/{id}/revisions", id)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(REVISIONS));
		return (found != null) ? List.copyOf(found) : List.of();
	}

	public Revision revision(Editor editor, long id, int revision) {
		return call(editor, "revision " + revision + " of article " + id, (rest, bearer) -> rest.get()
			.uri("/api/editor/articles/{id}/revisions/{revision}", id, revision)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(Revision.class));
	}

	/** Brings back a revision's content as a new save; {@code version} is the version the editor saw. */
	public Article restore(Editor editor, long id, int revision, int version) {
		return written(call(editor, "revision " + revision + " of article " + id, (rest, bearer) -> rest.post()
			.uri("/api/editor/articles/{id}/revisions/{revision}/restore", id, revision)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new TransitionInput(version, null))
			.retrieve()
			.body(Article.class)));
	}

	/** All FAQs in order, attached or not. */
	public List<Faq> faqs(Editor editor) {
		List<Faq> found = call(editor, "FAQs", (rest, bearer) -> rest.get()
			.uri("/api/editor/faqs")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(FAQS));
		return (found != null) ? List.copyOf(found) : List.of();
	}

	public Faq createFaq(Editor editor, FaqInput input) {
		return written(call(editor, "new FAQ", (rest, bearer) -> rest.post()
			.uri("/api/editor/faqs")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(input)
			.retrieve()
			.body(Faq.class)));
	}

	public Faq updateFaq(Editor editor, long id, FaqInput input) {
		return written(call(editor, "FAQ " + id, (rest, bearer) -> rest.put()
			.uri("/api/editor/faqs/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(input)
			.retrieve()
			.body(Faq.class)));
	}

	public void deleteFaq(Editor editor, long id) {
		call(editor, "FAQ " + id, (rest, bearer) -> rest.delete()
			.uri("/api/editor/faqs/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.toBodilessEntity());
		events.publishEvent(new ContentEdited("FAQ " + id));
	}

	private <T> T written(T result) {
		events.publishEvent(new ContentEdited(String.valueOf(result)));
		return result;
	}

	private <T> T call(Editor editor, String what, BiFunction<RestClient, String, T> request) {
		String bearer = "Bearer " + tokens.issue(editor.email(), editor.scopes());
		try {
			T result = content.call(() -> request.apply(content.rest(), bearer));
			if (result == null) {
				throw new ServiceUnavailableException(AUDIENCE,
						new IllegalStateException("content-service answered without a body for " + what));
			}
			return result;
		}
		catch (HttpClientErrorException ex) {
			throw refusal(ex, what);
		}
	}

	private static RuntimeException refusal(HttpClientErrorException ex, String what) {
		Problem problem = ProblemBodies.read(ex, Problem.class);
		List<FieldError> errors = (problem != null && problem.errors() != null) ? List.copyOf(problem.errors())
				: List.of();
		String detail = (problem != null && problem.detail() != null) ? problem.detail()
				: "content-service answered " + ex.getStatusCode().value();
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		if (status == HttpStatus.NOT_FOUND) {
			return new ContentNotFoundException(what);
		}
		boolean staleVersion = errors.stream().anyMatch((error) -> "version".equals(error.field()));
		if (status == HttpStatus.PRECONDITION_FAILED || (status == HttpStatus.CONFLICT && staleVersion)) {
			return new StaleContentException(detail, (problem != null) ? problem.currentVersion() : null);
		}
		if (errors.isEmpty()) {
			errors = List.of(new FieldError("", detail));
		}
		return new ContentRejectedException(errors);
	}

	/** Issues the token for one call: subject and scopes of the staff member it is made for. */
	@FunctionalInterface
	interface TokenIssuer {

		String issue(String subject, Collection<String> scopes);

	}

	/** The staff member a call is made for: the token's subject and scopes. */
	public record Editor(String email, List<String> scopes) {

		public Editor {
			scopes = List.copyOf(scopes);
		}

	}

	/** A change went through; whatever cached content-service's public answers may now be outdated. */
	public record ContentEdited(String what) {
	}

	/** The status changes an editor can make. */
	public enum Transition {

		PUBLISH("publish"), SCHEDULE("schedule"), UNPUBLISH("unpublish"), ARCHIVE("archive");

		private final String path;

		Transition(String path) {
			this.path = path;
		}

		String path() {
			return path;
		}

	}

	/** One offending field, as content-service names it. */
	public record FieldError(String field, String message) {
	}

	private record Problem(String detail, List<FieldError> errors, Integer currentVersion) {
	}

	private record TransitionInput(Integer version, Instant publishAt) {
	}

	private record RelatedInput(List<String> slugs) {
	}

	/** What an editor sends to create or save an article; {@code version} is ignored on create. */
	public record ArticleInput(String slug, String kind, String title, String summary, String body,
			List<String> tags, String author, String seoTitle, String seoDescription, Integer version) {
	}

	public record FaqInput(String question, String answer, Integer position, String articleSlug, Integer version) {
	}

	public record ArticleSummary(long id, String slug, String kind, String title, String status, Instant publishAt,
			Instant updatedAt, int version) {
	}

	/**
	 * An article as editors see it. {@code html} is content-service's sanitised rendering of
	 * {@code body}; {@code status} is the effective one (a scheduled article whose time came reads
	 * as published).
	 */
	public record Article(long id, String slug, String kind, String title, String summary, String body, String html,
			List<String> tags, List<String> related, List<String> previousSlugs, String status,
			String storedStatus, Instant publishAt, String author, String seoTitle, String seoDescription,
			int readingMinutes, Instant createdAt, Instant updatedAt, int version) {

		public Article {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
			related = (related != null) ? List.copyOf(related) : List.of();
			previousSlugs = (previousSlugs != null) ? List.copyOf(previousSlugs) : List.of();
		}

		@Override
		public String toString() {
			return "article " + id + " (" + slug + ")";
		}

	}

	public record RevisionSummary(int revision, int articleVersion, String slug, String title, String status,
			Instant savedAt, String savedBy) {
	}

	public record Revision(int revision, int articleVersion, String slug, String kind, String title, String summary,
			String body, List<String> tags, String status, Instant publishAt, String author, String seoTitle,
			String seoDescription, Instant savedAt, String savedBy) {

		public Revision {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
		}

	}

	public record Faq(long id, String question, String answer, String answerHtml, int position, String articleSlug,
			Instant updatedAt, int version) {

		@Override
		public String toString() {
			return "FAQ " + id;
		}

	}

}
