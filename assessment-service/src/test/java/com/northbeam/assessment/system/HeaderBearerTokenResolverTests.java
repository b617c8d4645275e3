package com.northbeam.assessment.system;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header resolver answers as Spring Security's default resolver does, on chosen
 * header values and on many random ones.
 */
class HeaderBearerTokenResolverTests {

	private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();

	private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

	@Test
	void readsTheTokenOfAWellFormedHeader() {
		assertThat(this.resolver.resolve(request("Bearer abc.DEF-123_~+/xyz=="))).isEqualTo("abc.DEF-123_~+/xyz==");
		assertThat(this.resolver.resolve(request("bearer abc"))).isEqualTo("abc");
		assertThat(this.resolver.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
		assertThat(this.resolver.resolve(new MockHttpServletRequest("POST", "/api/submissions"))).isNull();
	}

	@Test
	void answersAsTheDefaultResolverOnChosenValues() {
		for (String header : List.of("Bearer abc", "BEARER abc", "bEaReR abc", "Bearer", "Bearer ", "Bearer  abc",
				"Bearer abc ", "Bearer a=b", "Bearer =", "Bearer abc===", "Bearer ab c", "Bearer\tabc", "Bearerabc",
				"Bearer ä", "Bear", "", "Token abc", "Bearer abc\r\n", "Bearer a/b+c~d_e-f.g")) {
			assertSameAnswer(header);
		}
	}

	@Test
	void answersAsTheDefaultResolverOnRandomValues() {
		Random random = new Random(20261207);
		String alphabet = "aZ09-._~+/= \t=bB\"ä,;:";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertSameAnswer(header.toString());
		}
	}

	@Test
	void aTokenAlsoInTheQueryIsLeftToTheDefaultRules() {
		MockHttpServletRequest both = request("Bearer abc");
		both.setMethod("GET");
		both.setQueryString("access_token=def");
		both.addParameter("access_token", "def");
		assertThat(outcome(this.resolver, both)).isEqualTo(outcome(this.reference, both));
	}

	private void assertSameAnswer(String header) {
		assertThat(outcome(this.resolver, request(header))).as(header)
			.isEqualTo(outcome(this.reference, request(header)));
	}

	private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
			MockHttpServletRequest request) {
		try {
			return "token: " + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused: " + ex.getError().getDescription();
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/submissions");
		request.setContentType("application/json");
		request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		return request;
	}

}
