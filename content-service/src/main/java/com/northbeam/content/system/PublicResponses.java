package com.northbeam.content.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Serves public reads: each response body is serialized once, kept with its {@code ETag}
 * and {@code Last-Modified} in an in-memory cache, and answered with CDN-friendly
 * {@code Cache-Control}. Conditional requests get {@code 304} (Spring MVC compares the
 * validators of the returned entity). The cache is dropped after every committed write
 * and at the moment the next scheduled article goes live.
 */
@Component
public class PublicResponses {

	/** What a public read produced: a body, or a permanent move to another slug. */
	public record Representation(Object body, Instant lastModified, String movedTo) {

		public static Representation of(Object body, Instant lastModified) {
			return new Representation(body, lastModified, null);
		}

		public static Representation moved(String location, Object body, Instant lastModified) {
			return new Representation(body, lastModified, location);
		}

	}

	private record Rendered(byte[] body, String etag, long lastModified, String movedTo) {
	}

	private static final Instant NO_HORIZON = Instant.MAX;

	private final Cache<String, Rendered> cache;

	private final JsonMapper json;

	private final Clock clock;

	private final CacheControl cacheControl;

	private final List<VisibilityHorizon> horizons;

	private volatile Instant horizon;

	/**
	 * Part of every cache key, bumped on eviction: a response that was being loaded while
	 * a write committed is stored under the old generation and never served.
	 */
	private final AtomicLong generation = new AtomicLong();

	PublicResponses(ContentProperties properties, JsonMapper json, Clock clock, List<VisibilityHorizon> horizons) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.cache().maximumSize())
			.expireAfterWrite(properties.cache().timeToLive())
			.build();
		this.json = json;
		this.clock = clock;
		this.horizons = horizons;
		ContentProperties.Http http = properties.http();
		this.cacheControl = CacheControl.maxAge(http.maxAge())
			.sMaxAge(http.sharedMaxAge())
			.staleWhileRevalidate(http.staleWhileRevalidate())
			.cachePublic();
	}

	/**
	 * The cached response under {@code key}, or what {@code loader} produces (not cached
	 * when it throws, e.g. for an unknown slug).
	 */
	public ResponseEntity<byte[]> serve(String key, Supplier<Representation> loader) {
		checkHorizon();
		Rendered rendered = cache.get(generation.get() + ":" + key, (ignored) -> render(loader.get()));
		HttpStatus status = (rendered.movedTo() != null) ? HttpStatus.MOVED_PERMANENTLY : HttpStatus.OK;
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(cacheControl)
			.eTag(rendered.etag())
			.lastModified(rendered.lastModified());
		if (rendered.movedTo() != null) {
			response.header(HttpHeaders.LOCATION, rendered.movedTo());
		}
		return response.body(rendered.body());
	}

	/** Drops every cached response. */
	public void evictAll() {
		generation.incrementAndGet();
		cache.invalidateAll();
		horizon = null;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void contentChanged(ContentChangedEvent event) {
		evictAll();
	}

	private void checkHorizon() {
		Instant current = horizon;
		Instant now = clock.instant();
		if (current == null || !now.isBefore(current)) {
			synchronized (this) {
				current = horizon;
				if (current == null || !now.isBefore(current)) {
					if (current != null) {
						generation.incrementAndGet();
						cache.invalidateAll();
					}
					horizon = horizons.stream()
						.map((source) -> source.nextChangeAfter(now))
						.flatMap(Optional::stream)
						.min(Instant::compareTo)
						.orElse(NO_HORIZON);
				}
			}
		}
	}

	private Rendered render(Representation representation) {
		byte[] body = json.writeValueAsBytes(representation.body());
		long lastModified = representation.lastModified().toEpochMilli() / 1000 * 1000;
		return new Rendered(body, etagOf(body), lastModified, representation.movedTo());
	}

	private static String etagOf(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
