package com.northbeam.gateway.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of article pages, plain and gzipped, for as long as the content
 * cache keeps content fresh, so the most visited page of the site costs a lookup instead
 * of a template rendering, a compression and a pass through the security filters per
 * request. Article pages are public and hold nothing personal (no form, no token), so one
 * rendering serves every visitor. The first, fully processed response also records the
 * headers the filters set (security headers such as the Content-Security-Policy); later
 * hits replay them. Per-request headers (cookies, the request id, dates, lengths) are
 * never recorded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RenderedPageCache extends OncePerRequestFilter {

	private static final Set<String> PER_REQUEST_HEADERS = Set.of("set-cookie", "x-request-id", "date",
			"content-length", "transfer-encoding", "content-encoding", "vary", "content-type", "content-language");

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
			// The request metrics name the page as the controller would have.
			ServerHttpObservationFilter.findObservationContext(request)
				.ifPresent((observation) -> observation.setPathPattern(ArticleController.PAGE));
			write(page, request, response);
			return;
		}
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		String contentType = capture.getContentType();
		if (capture.getStatus() == 200 && contentType != null && contentType.startsWith("text/html")) {
			byte[] html = capture.getContentAsByteArray();
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (String name : response.getHeaderNames()) {
				if (!PER_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					headers.put(name, List.copyOf(response.getHeaders(name)));
				}
			}
			pages.put(request.getRequestURI(), new Page(contentType, headers, html, gzip(html)));
		}
		capture.copyBodyToResponse();
	}

	/**
	 * Whether this request will be answered from a page already rendered: a lookup and a
	 * write, with nothing downstream.
	 */
	boolean holds(HttpServletRequest request) {
		return !shouldNotFilter(request) && this.pages.getIfPresent(request.getRequestURI()) != null;
	}

	/**
	 * Forgets every rendered page (tests, and content changes that must show at once).
	 */
	void evictAll() {
		pages.invalidateAll();
	}

	private static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
		byte[] body = gzip ? page.gzipped() : page.html();
		response.setStatus(200);
		page.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
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

	private record Page(String contentType, Map<String, List<String>> headers, byte[] html, byte[] gzipped) {
	}

}
