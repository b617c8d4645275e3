package com.northbeam.gateway.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.PathMatcher;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Gives links to the content-versioned static files ({@code /css/site-<hash>.css}) their
 * version, as Spring's {@link ResourceUrlEncodingFilter} does, and leaves every other
 * link alone without asking it. Spring's filter looks every link a page builds up in the
 * static locations on the class path, and remembers only the ones it finds: a lead's
 * page, with dozens of links to itself and to articles, spent most of its CPU time there.
 * Links outside {@code spring.web.resources.chain.strategy.content.paths} come out of
 * Spring's filter unchanged anyway.
 */
@Component
class VersionedResourceLinks extends FilterRegistrationBean<ResourceUrlEncodingFilter> {

	VersionedResourceLinks(WebProperties web) {
		super(new VersionedOnly(Arrays.asList(web.getResources().getChain().getStrategy().getContent().getPaths())));
		setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
	}

	static final class VersionedOnly extends ResourceUrlEncodingFilter {

		private static final PathMatcher MATCHER = new AntPathMatcher();

		private final List<String> versionedPaths;

		VersionedOnly(List<String> versionedPaths) {
			this.versionedPaths = List.copyOf(versionedPaths);
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (!(response instanceof HttpServletResponse plain)) {
				super.doFilter(request, response, chain);
				return;
			}
			super.doFilter(request, response, (inner, rewriting) -> chain.doFilter(inner,
					new Links((HttpServletResponse) rewriting, plain, ((HttpServletRequest) inner).getContextPath())));
		}

		boolean versioned(String url, String contextPath) {
			if (!url.startsWith(contextPath + "/")) {
				return false;
			}
			int end = url.length();
			for (char stop : new char[] { '?', '#' }) {
				int at = url.indexOf(stop);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			String path = url.substring(contextPath.length(), end);
			return this.versionedPaths.stream().anyMatch((pattern) -> MATCHER.match(pattern, path));
		}

		/**
		 * Sends links to versioned files through Spring's rewriting response and the rest
		 * straight to the container's.
		 */
		private final class Links extends HttpServletResponseWrapper {

			private final HttpServletResponse plain;

			private final String contextPath;

			Links(HttpServletResponse rewriting, HttpServletResponse plain, String contextPath) {
				super(rewriting);
				this.plain = plain;
				this.contextPath = contextPath;
			}

			@Override
			public String encodeURL(String url) {
				return versioned(url, this.contextPath) ? super.encodeURL(url) : this.plain.encodeURL(url);
			}

		}

	}

}
