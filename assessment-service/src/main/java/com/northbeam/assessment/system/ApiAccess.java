package com.northbeam.assessment.system;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which part of the API: the one list that both the security filter chain
 * enforces and the OpenAPI document states, so the two cannot drift apart. Rules are
 * tried in order; the first that matches a request decides.
 *
 * @param method the HTTP method the rule is about, or {@code null} for any
 * @param patterns the request paths, as path patterns
 * @param scope the scope a gateway token needs, or {@code null} when anyone may call
 */
record ApiAccess(HttpMethod method, List<String> patterns, String scope) {

	/**
	 * The published questionnaire is public; submissions (and a prospect's link to finish
	 * one later), leads, statistics, funnel events and administration each need their
	 * scope.
	 */
	static final List<ApiAccess> RULES = List.of(open(HttpMethod.GET, "/api/questionnaires/**"),
			scoped(HttpMethod.GET, "submissions:read", "/api/submissions/**"),
			scoped(null, "submissions:write", "/api/submissions/**"),
			scoped(HttpMethod.POST, "submissions:write", "/api/resume-links"),
			scoped(HttpMethod.POST, "events:write", "/api/events"),
			scoped(HttpMethod.GET, "quarantine:read", "/api/leads/quarantine"),
			scoped(null, "quarantine:write", "/api/leads/quarantine/**"),
			scoped(HttpMethod.GET, "leads:read", "/api/stats/**", "/api/leads/**"),
			scoped(null, "leads:write", "/api/leads/**"),
			scoped(HttpMethod.GET, "scoring:read", "/api/admin/scoring/**"),
			scoped(HttpMethod.POST, "scoring:try", "/api/admin/scoring/drafts/*/trial"),
			scoped(HttpMethod.POST, "scoring:publish", "/api/admin/scoring/drafts/*/publish"),
			scoped(null, "scoring:draft", "/api/admin/scoring/**"),
			scoped(HttpMethod.POST, "notifications:redeliver", "/api/admin/notifications/deliveries/*/redeliver",
					"/api/admin/notifications/events/*/redeliver"),
			scoped(HttpMethod.PUT, "roster:write", "/api/admin/routing/sales-people"),
			scoped(null, "admin", "/api/admin/**"));

	static ApiAccess scoped(HttpMethod method, String scope, String... patterns) {
		return new ApiAccess(method, List.of(patterns), scope);
	}

	static ApiAccess open(HttpMethod method, String... patterns) {
		return new ApiAccess(method, List.of(patterns), null);
	}

	boolean isPublic() {
		return scope == null;
	}

	/** The authority Spring Security grants for the scope. */
	String authority() {
		return "SCOPE_" + scope;
	}

	/**
	 * Whether this rule covers an operation of the OpenAPI document.
	 * @param operationMethod the operation's method
	 * @param path the operation's path, with {@code {variables}}
	 */
	boolean covers(HttpMethod operationMethod, String path) {
		if (method != null && !method.equals(operationMethod)) {
			return false;
		}
		PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^/]+}", "x"));
		return patterns.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.anyMatch((PathPattern pattern) -> pattern.matches(concrete));
	}

	/** The rule that decides a call to the operation. */
	static ApiAccess of(HttpMethod method, String path) {
		return RULES.stream()
			.filter((rule) -> rule.covers(method, path))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No access rule for " + method + " " + path));
	}

}
