package com.northbeam.gateway.dashboard.admin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A form as an admin page posts it: name and value pairs in order, a name that takes
 * several values standing once for each.
 */
record AdminForm(List<List<String>> values) {

	static AdminForm empty() {
		return new AdminForm(List.of());
	}

	/** The form with this field's value(s) replaced by {@code value}. */
	AdminForm with(String name, String value) {
		List<List<String>> next = new ArrayList<>(values.stream().filter((pair) -> !pair.get(0).equals(name)).toList());
		next.add(List.of(name, value));
		return new AdminForm(next);
	}

	/** One more value of a field that takes several. */
	AdminForm and(String name, String value) {
		List<List<String>> next = new ArrayList<>(values);
		next.add(List.of(name, value));
		return new AdminForm(next);
	}

	/** Posts the form to {@code path} as the signed-in admin. */
	MvcTestResult postTo(MockMvcTester mvc, String path) {
		MockMvcTester.MockMvcRequestBuilder request = mvc.post().uri(path).with(AdminFakes.admin()).with(csrf());
		values.forEach((pair) -> request.param(pair.get(0), pair.get(1)));
		return request.exchange();
	}

}
