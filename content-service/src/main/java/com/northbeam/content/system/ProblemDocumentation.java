package com.northbeam.content.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import org.springframework.http.HttpMethod;

/**
 * Writes the API's conventions into each operation of the OpenAPI document: who may call
 * it (from {@link ApiAccess}, the rules the security filter chain enforces) and the
 * {@code application/problem+json} errors it can answer with, each with an example.
 */
// Swagger's fluent Schema methods answer the raw type.
@SuppressWarnings({ "unchecked", "rawtypes" })
final class ProblemDocumentation {

	static final String SCHEME = "gateway-token";

	private static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private ProblemDocumentation() {
	}

	/** Adds the Problem schema and the shared error responses to the components. */
	static void addComponents(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.components(components);
		components.addSchemas("FieldError",
				object("One offending input field").addProperty("field", typed("string").example("email"))
					.addProperty("message", typed("string").example("must be a well-formed email address"))
					.required(List.of("field", "message")));
		components.addSchemas(PROBLEM,
				object("An RFC 9457 problem detail")
					.addProperty("type", typed("string").format("uri-reference").example("about:blank"))
					.addProperty("title", typed("string").example("Bad Request"))
					.addProperty("status", typed("integer").example(400))
					.addProperty("detail", typed("string").example("The request has invalid fields."))
					.addProperty("instance", typed("string").format("uri-reference"))
					.addProperty("traceId", typed("string").description("The trace id of the request, for support"))
					.addProperty("errors",
							typed("array").description("Each offending field, when the input was refused")
								.items(new Schema<>().$ref("#/components/schemas/FieldError")))
					.required(List.of("title", "status")));
		components.addResponses("BadRequest", response(400, "The input is invalid; nothing was stored",
				"The request has invalid fields.",
				List.of(Map.of("field", "status", "message", "must be one of draft, scheduled, published, archived"))));
		components.addResponses("Unauthorized",
				response(401, "No bearer token, or one that is expired, malformed or not the gateway's",
						"A valid bearer token issued by the gateway is required.", null));
		components.addResponses("Forbidden", response(403, "The token lacks the scope this operation needs",
				"The token lacks the scope this operation needs.", null));
		components.addResponses("NotFound", response(404, "Nothing has this id", "No article has the id 42", null));
	}

	/**
	 * States who may call the operation and the errors it can answer with: 401 and 403
	 * when it needs a token, 404 when its path names something, 400 when it takes input.
	 * Errors an operation already documents get the Problem schema. A public operation
	 * without input has no error to document (Redocly warns about that; a warning, not an
	 * error).
	 */
	static void describe(String path, HttpMethod method, Operation operation) {
		ApiAccess access = ApiAccess.of(method, path);
		ApiResponses responses = operation.getResponses();
		if (access.isPublic()) {
			operation.security(List.of());
		}
		else {
			operation.security(List.of(new SecurityRequirement().addList(SCHEME, access.scope())));
			responses.putIfAbsent("401", ref("Unauthorized"));
			responses.putIfAbsent("403", ref("Forbidden"));
		}
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		if (parameters.stream().anyMatch((parameter) -> "path".equals(parameter.getIn()))) {
			responses.putIfAbsent("404", ref("NotFound"));
		}
		if (operation.getRequestBody() != null
				|| parameters.stream().anyMatch((parameter) -> "query".equals(parameter.getIn()))) {
			responses.putIfAbsent("400", ref("BadRequest"));
		}
		responses.forEach((code, response) -> {
			if (code.startsWith("4") && response.get$ref() == null && !hasSchema(response)) {
				response.content(problemContent(null));
			}
		});
	}

	private static boolean hasSchema(ApiResponse response) {
		return response.getContent() != null
				&& response.getContent().values().stream().anyMatch((media) -> media.getSchema() != null);
	}

	private static ApiResponse ref(String name) {
		return new ApiResponse().$ref("#/components/responses/" + name);
	}

	private static ApiResponse response(int status, String description, String detail,
			List<Map<String, String>> errors) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
		example.put("status", status);
		example.put("detail", detail);
		if (errors != null) {
			example.put("errors", errors);
		}
		return new ApiResponse().description(description).content(problemContent(example));
	}

	private static Content problemContent(Map<String, Object> example) {
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		if (example != null) {
			media.example(example);
		}
		return new Content().addMediaType(PROBLEM_JSON, media);
	}

	private static Schema<Object> object(String description) {
		return typed("object").description(description);
	}

	private static Schema<Object> typed(String type) {
		return new Schema<>().type(type).types(Set.of(type));
	}

}
