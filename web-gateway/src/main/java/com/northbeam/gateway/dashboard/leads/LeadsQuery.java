package com.northbeam.gateway.dashboard.leads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.northbeam.gateway.client.LeadsClient;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The leads list's filters as they stand in the URL, so a view can be bookmarked and
 * shared. {@code owner=me} means whoever is signed in; {@code overdue=true} keeps the
 * leads waiting past the response target.
 */
record LeadsQuery(List<String> status, List<String> recommendation, String owner, Integer minPriority,
		Integer maxPriority, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo, String q, Boolean overdue, String sort,
		String after) {

	static final List<String> STATUSES = List.of("new", "contacted", "qualified", "proposal", "won", "lost");

	static final List<String> RECOMMENDATIONS = List.of("co_managed", "fully_managed", "hybrid");

	LeadsQuery {
		status = (status != null) ? List.copyOf(status) : List.of();
		recommendation = (recommendation != null) ? List.copyOf(recommendation) : List.of();
	}

	LeadsClient.Filter toFilter(String signedInEmail) {
		String ownerEmail = "me".equals(owner) ? signedInEmail : owner;
		return new LeadsClient.Filter(status, recommendation, ownerEmail, minPriority, maxPriority, createdFrom,
				createdTo, q, ("newest".equals(sort) ? "newest" : "priority"), isOverdue());
	}

	public boolean isOverdue() {
		return Boolean.TRUE.equals(overdue);
	}

	public boolean isMine() {
		return "me".equals(owner);
	}

	/** The same filters, for links: the next page, the CSV export. */
	public String queryString(String nextCursor) {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		status.forEach((value) -> uri.queryParam("status", value));
		recommendation.forEach((value) -> uri.queryParam("recommendation", value));
		List<Object[]> single = new ArrayList<>();
		single.add(new Object[] { "owner", owner });
		single.add(new Object[] { "minPriority", minPriority });
		single.add(new Object[] { "maxPriority", maxPriority });
		single.add(new Object[] { "createdFrom", createdFrom });
		single.add(new Object[] { "createdTo", createdTo });
		single.add(new Object[] { "q", q });
		single.add(new Object[] { "overdue", isOverdue() ? "true" : null });
		single.add(new Object[] { "sort", sort });
		single.add(new Object[] { "after", nextCursor });
		for (Object[] pair : single) {
			if (pair[1] != null && !pair[1].toString().isBlank()) {
				uri.queryParam((String) pair[0], pair[1]);
			}
		}
		String query = uri.encode().build().getQuery();
		return (query != null) ? query : "";
	}

}
