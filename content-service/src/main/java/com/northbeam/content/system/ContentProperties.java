package com.northbeam.content.system;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the content service, under {@code content.*}; each one can be overridden by
 * an environment variable (for example {@code CONTENT_HTTP_SHAREDMAXAGE=10m}).
 *
 * @param http how long browsers and CDNs may keep public responses
 * @param cache the in-service cache of rendered public responses
 * @param seed the shipped content inserted on first start
 * @param listing sizes of lists, feeds and related articles
 * @param server how the embedded web server writes responses
 */
@Validated
@ConfigurationProperties("content")
public record ContentProperties(@Valid @DefaultValue Http http, @Valid @DefaultValue Cache cache,
		@Valid @DefaultValue Seed seed, @Valid @DefaultValue Listing listing, @Valid @DefaultValue Server server) {

	/**
	 * @param maxAge {@code max-age} for browsers
	 * @param sharedMaxAge {@code s-maxage} for CDNs and shared caches
	 * @param staleWhileRevalidate how long a stale copy may be served while it is
	 * refreshed
	 */
	public record Http(@NotNull @DefaultValue("60s") Duration maxAge,
			@NotNull @DefaultValue("5m") Duration sharedMaxAge,
			@NotNull @DefaultValue("1m") Duration staleWhileRevalidate) {
	}

	/**
	 * @param maximumSize most responses kept
	 * @param timeToLive upper bound on how stale a replica's copy can be when another
	 * replica took the write (a write on this replica evicts at once)
	 */
	public record Cache(@Min(0) @DefaultValue("5000") long maximumSize,
			@NotNull @DefaultValue("5m") Duration timeToLive) {
	}

	/**
	 * @param enabled whether shipped content is inserted on start
	 * @param location where the shipped Markdown files are
	 * @param author the byline of shipped content
	 */
	public record Seed(@DefaultValue("true") boolean enabled,
			@NotBlank @DefaultValue("classpath*:content") String location,
			@NotBlank @DefaultValue("Northbeam editorial team") String author) {
	}

	/**
	 * @param minimumRelated curated related articles are topped up from shared tags to
	 * this many
	 * @param feedSize articles in the feed
	 * @param maxPageSize largest page of a list or search
	 */
	public record Listing(@Min(0) @Max(20) @DefaultValue("3") int minimumRelated,
			@Min(1) @Max(200) @DefaultValue("20") int feedSize,
			@Min(1) @Max(500) @DefaultValue("100") int maxPageSize) {
	}

	/**
	 * @param socketWriteBuffer the most of a response that Tomcat passes to the socket in
	 * one write (Tomcat's own default is 8 KB); every open connection holds a buffer of
	 * this size
	 */
	public record Server(@NotNull @DefaultValue("32KB") DataSize socketWriteBuffer) {

		public Server {
			if (socketWriteBuffer != null && (socketWriteBuffer.compareTo(DataSize.ofKilobytes(1)) < 0
					|| socketWriteBuffer.compareTo(DataSize.ofMegabytes(1)) > 0)) {
				throw new IllegalArgumentException("content.server.socket-write-buffer must be between 1KB and 1MB");
			}
		}

	}

}
