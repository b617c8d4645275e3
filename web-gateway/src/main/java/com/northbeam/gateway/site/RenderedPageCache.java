package com.northbeam.gateway.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of article pages, plain and gzipped, for as long as the content cache
 * keeps content fresh, so the most visited page of the site costs a lookup instead of a template
 * rendering and a compression per request. Article pages hold nothing personal (no form, no
 * token), so one rendering serves every visitor; security and request-id headers are still added
 * per request by the filters that run before this one.
 */
@Component
class RenderedPageCache extends OncePerRequestFilter {

	private static final Pattern ARTICLE = Pattern.compile("/articles/[a-z0-9-]{1,120}");

	private final Cache<String, Page> pages;

	RenderedPageCache(ContentCacheProperties properties) {
		this.pages = Caffeine.newBuilder()
			.expireAfterWrite(properties.refreshAfter())
			.maximumSize(Math.min(properties.maximumEntries(), 500))
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| !ARTICLE.matcher(request.getRequestURI()).matches() || request.getHeader(HttpHeaders.RANGE) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Page page = pages.getIfPresent(request.getRequestURI());
		if (page != null) {
			write(page, request, response);
			return;
		}
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		String contentType = capture.getContentType();
		// Headers (cookies included) are not kept: the filters before this one set them per request.
		if (capture.getStatus() == 200 && contentType != null && contentType.startsWith("text/html")) {
			byte[] html = capture.getContentAsByteArray();
			pages.put(request.getRequestURI(), new Page(contentType, html, gzip(html)));
		}
		capture.copyBodyToResponse();
	}

	/** Forgets every rendered page (tests, and content changes that must show at once). */
	void evictAll() {
		pages.invalidateAll();
	}

	private static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
		byte[] body = gzip ? page.gzipped() : page.html();
		response.setStatus(200);
		response.setContentType(page.contentType());
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static byte[] gzip(byte[] html) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(html.length / 3);
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(html);
		}
		return bytes.toByteArray();
	}

	private record Page(String contentType, byte[] html, byte[] gzipped) {
	}

}
