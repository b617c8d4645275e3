package com.northbeam.gateway.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.northbeam.gateway.system.PublicSite;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI 3.1 document of the public JSON API at {@code /api/v1/openapi.json} (only
 * {@code /api/v1/**}: the pages and the dashboard are not an API). Every operation is
 * public ({@code security: []}); errors are {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
// Swagger's fluent Schema methods answer the raw type.
@SuppressWarnings({ "unchecked", "rawtypes" })
class AssessmentApiDocument {

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	@Bean
	OpenApiCustomizer publicApiDocument(ObjectProvider<BuildProperties> build, PublicSite site) {
		return (openApi) -> {
			BuildProperties properties = build.getIfAvailable();
			openApi.info(new Info().title("Northbeam assessment API")
				.version((properties != null) ? properties.getVersion() : "development")
				.description("The self-assessment as JSON, for embedding it in another site or tool: read the "
						+ "questionnaire, submit answers with contact details and consent, read the result. No "
						+ "token is needed; browsers on the origins the operator allows may call it (CORS). "
						+ "Errors are application/problem+json.")
				.contact(new Contact().name("The platform team"))
				.license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")));
			openApi.servers(List.of(new Server().url(site.url("/").replaceAll("/$", "")).description("This site")));
			addComponents(openApi);
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				operation.security(List.of());
				if (operation.getRequestBody() != null) {
					operation.getResponses().putIfAbsent("400", ref("InvalidSubmission"));
					operation.getResponses().putIfAbsent("429", ref("TooManyRequests"));
				}
				if (path.contains("{")) {
					operation.getResponses().putIfAbsent("404", ref("NotFound"));
				}
				operation.getResponses().putIfAbsent("503", ref("Unavailable"));
			}));
		};
	}

	private static void addComponents(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.components(components);
		components.addSchemas("FieldProblem",
				typed("object").description("One offending field: its path in the body and what is wrong")
					.addProperty("field", typed("string").example("contact.email"))
					.addProperty("message",
							typed("string").example("Please enter an email address like name@company.com."))
					.required(List.of("field", "message")));
		components.addSchemas("Problem",
				typed("object").description("An RFC 9457 problem detail")
					.addProperty("type", typed("string").format("uri-reference").example("about:blank"))
					.addProperty("title", typed("string").example("Invalid submission"))
					.addProperty("status", typed("integer").example(400))
					.addProperty("detail", typed("string"))
					.addProperty("instance", typed("string").format("uri-reference"))
					.addProperty("errors",
							typed("array").description("Each offending field of a refused submission")
								.items(new Schema<>().$ref("#/components/schemas/FieldProblem")))
					.required(List.of("title", "status")));
		components.addResponses("InvalidSubmission", problem(400, "Invalid submission",
				"The submission has invalid fields; nothing was stored.",
				"Each offending field is named; nothing was stored",
				List.of(Map.of("field", "contact.email", "message",
						"Please enter an email address like name@company.com."),
						Map.of("field", "answers.employees", "message", "Please choose from the options shown."))));
		components.addResponses("NotFound", problem(404, null, "No submission 9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d",
				"No submission has this id", null));
		components.addResponses("TooManyRequests",
				problem(429, null, "Too many requests from this address; retry after 30 seconds.",
						"Too many submissions from this address; retry after Retry-After seconds", null)
					.addHeaderObject("Retry-After", retryAfter()));
		components.addResponses("Unavailable",
				problem(503, null, "The assessment is briefly unavailable; please retry shortly.",
						"The assessment is briefly unavailable; retry after Retry-After seconds", null)
					.addHeaderObject("Retry-After", retryAfter()));
	}

	private static Header retryAfter() {
		return new Header().description("Seconds to wait before retrying").schema(typed("integer"));
	}

	private static ApiResponse problem(int status, String title, String detail, String description,
			List<Map<String, String>> errors) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", (title != null) ? title : HttpStatus.valueOf(status).getReasonPhrase());
		example.put("status", status);
		example.put("detail", detail);
		if (errors != null) {
			example.put("errors", errors);
		}
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example)));
	}

	private static ApiResponse ref(String name) {
		return new ApiResponse().$ref("#/components/responses/" + name);
	}

	private static Schema<Object> typed(String type) {
		return new Schema<>().type(type).types(Set.of(type));
	}

}
