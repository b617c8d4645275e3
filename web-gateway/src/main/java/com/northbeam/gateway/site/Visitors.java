package com.northbeam.gateway.site;

import java.util.List;
import java.util.Locale;

/**
 * Tells people's browsers from load generators, crawlers, monitors and scripts by the
 * {@code User-Agent} header, so the funnel counts people. A request without one is not a
 * browser; headless browsers (load tests, previews, the platform's own browser tests) are
 * not people either.
 */
public final class Visitors {

	/** Lower-case fragments of the user agents that are not a person's browser. */
	static final List<String> AUTOMATED = List.of("bot", "crawl", "spider", "slurp", "scrape", "curl", "wget", "python",
			"aiohttp", "httpx", "go-http-client", "java/", "java-http-client", "okhttp", "apache-httpclient", "libwww",
			"http_request", "node-fetch", "axios", "undici", "wrk", "apachebench", "k6/", "jmeter", "gatling", "locust",
			"siege", "vegeta", "hey/", "headless", "phantomjs", "selenium", "puppeteer", "playwright", "lighthouse",
			"pingdom", "uptime", "monitor", "facebookexternalhit", "preview", "feed", "check_http");

	private Visitors() {
	}

	/** Whether {@code userAgent} looks like a person's browser. */
	public static boolean isPerson(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return false;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		for (String automated : AUTOMATED) {
			if (agent.contains(automated)) {
				return false;
			}
		}
		return agent.startsWith("mozilla/") || agent.startsWith("opera/");
	}

}
