package com.northbeam.assessment.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.northbeam.assessment.lead.LeadEvent;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhooks of the OpenAPI document: one per event type ({@link LeadEvent#KINDS}),
 * each a signed POST of the same body, as {@link NotificationSender} sends them.
 */
// Swagger's fluent Schema methods answer the raw type.
@SuppressWarnings({ "unchecked", "rawtypes" })
@Configuration(proxyBeanMethods = false)
class WebhookDocumentation {

	static final Map<String, String> SUMMARIES = Map.of(LeadEvent.LEAD_CREATED,
			"lead.created: a prospect gave contact details, a new lead", LeadEvent.CONSULTATION_REQUESTED,
			"consultation.requested: a prospect asked to talk to an expert", LeadEvent.LEAD_OVERDUE,
			"lead.overdue: a lead waited past the response target with no first contact (once per lead; the "
					+ "email goes to its owner, or to the sales inbox when it has none)");

	@Bean
	OpenApiCustomizer webhookDocument() {
		return (openApi) -> {
			openApi.getComponents().addSchemas("WebhookEvent", event());
			for (String kind : LeadEvent.KINDS) {
				openApi.addWebhooks(kind, new PathItem().post(operation(kind)));
			}
		};
	}

	private static Operation operation(String kind) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("eventId", "7d1f0c1e-2b9a-4f55-8a21-0b6f9c9d1e2a");
		example.put("type", kind);
		Map<String, Object> lead = new LinkedHashMap<>();
		lead.put("id", "3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a");
		lead.put("name", "Dana Reyes");
		lead.put("email", "dana@example.com");
		lead.put("company", "Reyes Dental");
		lead.put("recommendation", "fully_managed");
		lead.put("priority", 72);
		lead.put("status", "new");
		lead.put("source", "newsletter");
		lead.put("createdAt", "2026-12-07T09:12:00Z");
		lead.put("erased", false);
		lead.put("url", "https://www.example.com/dashboard/leads/3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a");
		example.put("lead", lead);
		return new Operation().operationId("webhook-" + kind.replace('.', '-'))
			.summary(SUMMARIES.get(kind))
			.description("Sent to every webhook in the notification settings, signed as Standard Webhooks specifies; "
					+ "retried until a 2xx answer or the attempts run out. The body's type says which event it is.")
			.security(List.of())
			.parameters(List.of(header("webhook-id", "The event's id, the same on every retry and redelivery"),
					header("webhook-timestamp", "When this attempt was sent, in Unix seconds"),
					header("webhook-signature",
							"v1, and the base64 HMAC-SHA256 of id.timestamp.body; "
									+ "two, separated by a space, while a secret is being rotated")))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/WebhookEvent"))
							.example(example))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("Any 2xx answer acknowledges the delivery"))
				.addApiResponse("400", new ApiResponse()
					.description("Any other answer (or none within the timeout) is retried with a growing wait")));
	}

	private static HeaderParameter header(String name, String description) {
		return (HeaderParameter) new HeaderParameter().name(name)
			.required(true)
			.description(description)
			.schema(typed("string"));
	}

	private static Schema<Object> event() {
		Schema<Object> lead = typed("object").description("The lead as it is when the event is sent")
			.addProperty("id", typed("string").format("uuid"))
			.addProperty("name", typed("string"))
			.addProperty("email", typed("string"))
			.addProperty("company", typed("string"))
			.addProperty("recommendation", typed("string"))
			.addProperty("priority", typed("integer"))
			.addProperty("status", typed("string"))
			.addProperty("source", typed("string"))
			.addProperty("createdAt", typed("string").format("date-time"))
			.addProperty("erased", typed("boolean").description("Once erased, name, email and company say [erased]"))
			.addProperty("url", typed("string").format("uri").description("The lead in the dashboard"));
		return typed("object").description("One notification event")
			.addProperty("eventId", typed("string").format("uuid").description("Also the webhook-id header"))
			.addProperty("type", typed("string")._enum(List.<Object>copyOf(LeadEvent.KINDS)))
			.addProperty("lead", lead)
			.required(List.of("eventId", "type", "lead"));
	}

	private static Schema<Object> typed(String type) {
		return new Schema<>().type(type).types(Set.of(type));
	}

}
