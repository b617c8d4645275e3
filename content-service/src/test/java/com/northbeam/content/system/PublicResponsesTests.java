package com.northbeam.content.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.northbeam.content.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class PublicResponsesTests {

	private final TestClock clock = new TestClock();

	private final Instant goLive = clock.instant().plus(Duration.ofHours(1));

	private final ContentProperties properties = new ContentProperties(
			new ContentProperties.Http(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(1)),
			new ContentProperties.Cache(100, Duration.ofMinutes(5)),
			new ContentProperties.Seed(true, "classpath*:content", "Author"), new ContentProperties.Listing(3, 20, 100),
			new ContentProperties.Server(DataSize.ofKilobytes(32)));

	private final PublicResponses responses = new PublicResponses(properties, JsonMapper.builder().build(), clock,
			List.of((now) -> now.isBefore(goLive) ? Optional.of(goLive) : Optional.empty()));

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void servesTheStoredRepresentationWithValidatorsUntilAWriteCommits() {
		ResponseEntity<byte[]> first = serve();
		ResponseEntity<byte[]> second = serve();
		assertThat(loads).hasValue(1);
		assertThat(second.getBody()).isEqualTo(first.getBody());
		assertThat(first.getHeaders().getETag()).startsWith("W/\"");
		assertThat(first.getHeaders().getLastModified()).isEqualTo(1_700_000_000_000L);
		assertThat(first.getHeaders().getCacheControl())
			.isEqualTo("max-age=60, public, s-maxage=300, stale-while-revalidate=60");

		responses.contentChanged(new ContentChangedEvent("test"));
		serve();
		assertThat(loads).hasValue(2);
	}

	@Test
	void dropsEverythingWhenTheNextScheduledArticleGoesLive() {
		serve();
		clock.advance(Duration.ofMinutes(59));
		serve();
		assertThat(loads).hasValue(1);
		clock.advance(Duration.ofMinutes(1));
		serve();
		assertThat(loads).hasValue(2);
	}

	@Test
	void answersAMoveWithAPermanentRedirect() {
		ResponseEntity<byte[]> moved = responses.serve("old",
				() -> PublicResponses.Representation.moved("/api/articles/new", Map.of("slug", "new"), Instant.EPOCH));
		assertThat(moved.getStatusCode().value()).isEqualTo(301);
		assertThat(moved.getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo("/api/articles/new");
		assertThat(new String(moved.getBody())).isEqualTo("{\"slug\":\"new\"}");
	}

	private ResponseEntity<byte[]> serve() {
		return responses.serve("key", () -> {
			loads.incrementAndGet();
			return PublicResponses.Representation.of(Map.of("n", loads.get()),
					Instant.ofEpochMilli(1_700_000_000_123L));
		});
	}

}
