package com.northbeam.assessment.system;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error paths of the service's API: any body under any content type, any path
 * variable and any query value, sent to endpoints shaped like ours (a JSON body with
 * nested records and constraints, a UUID path, a bounded number), are answered by
 * {@link ApiProblems} with a 4xx problem (or accepted), never with a 5xx. The first byte
 * picks the request's shape, the rest is the text sent.
 */
class ApiProblemsFuzzTests {

	private static final List<String> CONTENT_TYPES = List.of(MediaType.APPLICATION_JSON_VALUE,
			"application/json;charset=ISO-8859-1", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE,
			MediaType.APPLICATION_FORM_URLENCODED_VALUE, "application/json;charset=nonsense",
			"multipart/form-data; boundary=x", "*/*", "application/problem+json");

	private static final MockMvc MVC = MockMvcBuilders.standaloneSetup(new Endpoints())
		.setControllerAdvice(new ApiProblems())
		.build();

	@FuzzTest(maxDuration = "5m")
	void anyRequest(byte[] data) throws Exception {
		if (data.length == 0) {
			return;
		}
		int shape = data[0] & 0xff;
		byte[] rest = Arrays.copyOfRange(data, 1, data.length);
		String text = new String(rest, StandardCharsets.UTF_8);
		MockHttpServletRequestBuilder request = switch (shape % 3) {
			case 0 -> MockMvcRequestBuilders.post("/things")
				.contentType(CONTENT_TYPES.get((shape / 3) % CONTENT_TYPES.size()))
				.content(rest);
			case 1 -> MockMvcRequestBuilders.get("/things/{id}", text);
			default -> MockMvcRequestBuilders.get("/things").param("limit", text).param("status", text);
		};
		if ((shape & 0x80) != 0) {
			request.accept(MediaType.APPLICATION_XML);
		}
		MvcResult result = MVC.perform(request).andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).as("status for %s", text).isLessThan(500);
		if (status >= 400 && status != 406 && (shape & 0x80) == 0) {
			assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
	}

	@RestController
	static class Endpoints {

		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/things/{id}")
		String read(@PathVariable("id") UUID id) {
			return id.toString();
		}

		@GetMapping("/things")
		List<String> list(@RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(100) int limit,
				@RequestParam(name = "status", required = false) Status status) {
			return List.of(String.valueOf(limit), String.valueOf(status));
		}

	}

	enum Status {

		NEW, WON

	}

	record Thing(@NotBlank @Size(max = 50) String name, @Min(0) Double cost, UUID id, List<@NotBlank String> codes,
			@Valid Inner inner, Status status) {
	}

	record Inner(@NotBlank String email, Boolean accepted) {
	}

}
