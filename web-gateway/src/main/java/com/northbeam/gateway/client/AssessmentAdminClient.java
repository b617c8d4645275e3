package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.gateway.token.ServiceTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The gateway's view of assessment-service's admin API: price assumptions, notification settings
 * and deliveries, the audit trail, and per-lead export and erasure. Every call carries a token
 * issued for the signed-in admin (scope {@code admin}), so the service's audit names the real
 * person. Refusals become {@link AdminRejectedException} (field errors),
 * {@link AdminConflictException} or {@link AdminNotFoundException}.
 */
@Component
public class AssessmentAdminClient {

	private static final ParameterizedTypeReference<List<PriceAssumptionsVersion>> HISTORY = new ParameterizedTypeReference<>() {
	};

	private final AssessmentStaffCalls calls;

	AssessmentAdminClient(ServiceClientProperties properties, RestClient.Builder builder, ServiceTokens tokens) {
		this.calls = new AssessmentStaffCalls(
				new ServiceCall(AssessmentStaffCalls.AUDIENCE + "-admin", properties.assessment(), builder), tokens);
	}

	public PriceAssumptionsVersion priceAssumptions(StaffCaller caller) {
		return calls.call(caller, "price assumptions", (rest, bearer) -> rest.get()
			.uri("/api/admin/price-assumptions")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(PriceAssumptionsVersion.class));
	}

	/** Earlier versions, newest first. */
	public List<PriceAssumptionsVersion> priceAssumptionsHistory(StaffCaller caller, int limit) {
		List<PriceAssumptionsVersion> found = calls.call(caller, "price assumption history", (rest, bearer) -> rest
			.get()
			.uri((uri) -> uri.path("/api/admin/price-assumptions/history").queryParam("limit", limit).build())
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(HISTORY));
		return List.copyOf(found);
	}

	/** Saves a new version, refused with a conflict when {@code basedOnVersion} is no longer the newest. */
	public PriceAssumptionsVersion updatePriceAssumptions(StaffCaller caller, PriceAssumptions assumptions,
			int basedOnVersion) {
		return calls.call(caller, "price assumptions", (rest, bearer) -> rest.put()
			.uri((uri) -> uri.path("/api/admin/price-assumptions").queryParam("basedOnVersion", basedOnVersion).build())
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(assumptions)
			.retrieve()
			.body(PriceAssumptionsVersion.class));
	}

	public NotificationSettings notificationSettings(StaffCaller caller) {
		return calls.call(caller, "notification settings", (rest, bearer) -> rest.get()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(NotificationSettings.class));
	}

	/** Replaces the settings; a webhook whose {@code secret} is null keeps the secret it has. */
	public void updateNotificationSettings(StaffCaller caller, NotificationSettingsInput input) {
		calls.callAllowingEmpty(caller, "notification settings", (rest, bearer) -> rest.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(input)
			.retrieve()
			.toBodilessEntity());
	}

	/** One page of deliveries, optionally in one state, continuing after {@code after}. */
	public DeliveryPage deliveries(StaffCaller caller, String state, int limit, String after) {
		return calls.call(caller, "deliveries", (rest, bearer) -> rest.get()
			.uri((uri) -> AssessmentStaffCalls.withQuery(uri, "/api/admin/notifications/deliveries",
					query("state", state, "limit", limit, "after", after)))
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(DeliveryPage.class));
	}

	public void retryDelivery(StaffCaller caller, String deliveryId) {
		calls.callAllowingEmpty(caller, "delivery " + deliveryId, (rest, bearer) -> rest.post()
			.uri("/api/admin/notifications/deliveries/{id}/retry", deliveryId)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.toBodilessEntity());
	}

	/** One page of the audit trail, newest first, continuing after {@code query.after()}. */
	public AuditPage audit(StaffCaller caller, AuditQuery query) {
		return calls.call(caller, "audit trail", (rest, bearer) -> rest.get()
			.uri((uri) -> AssessmentStaffCalls.withQuery(uri, "/api/admin/audit",
					query("actor", query.actor(), "action", query.action(), "from", query.from(), "to", query.to(),
							"limit", query.limit(), "after", query.after())))
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.body(AuditPage.class));
	}

	/** Everything stored about one lead, as the service's JSON document. */
	public byte[] exportLead(StaffCaller caller, UUID leadId) {
		return calls.call(caller, "lead " + leadId, (rest, bearer) -> rest.get()
			.uri("/api/admin/leads/{id}/export", leadId)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(byte[].class));
	}

	/** Erases a lead's personal data for good. */
	public void eraseLead(StaffCaller caller, UUID leadId) {
		calls.callAllowingEmpty(caller, "lead " + leadId, (rest, bearer) -> rest.post()
			.uri("/api/admin/leads/{id}/erase", leadId)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.retrieve()
			.toBodilessEntity());
	}

	/** Name-value pairs in order; null or blank values are left out of the query. */
	private static Map<String, Object> query(Object... pairs) {
		Map<String, Object> query = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			if (value != null && !(value instanceof String text && text.isBlank())) {
				query.put((String) pairs[i], value);
			}
		}
		return query;
	}

	/** One offending field, as assessment-service names it. */
	public record FieldError(String field, String message) {
	}

	/** One stored version of the price assumptions, who made it and when. */
	public record PriceAssumptionsVersion(int version, Instant createdAt, String createdBy,
			PriceAssumptions assumptions) {
	}

	/**
	 * The MSP's prices and rules of thumb (amounts in {@code currency}, per year unless named
	 * otherwise); the maps are keyed by the questionnaire's answer codes.
	 */
	public record PriceAssumptions(String currency, Map<String, Integer> employeesPerBand,
			Map<String, Double> itStaffByInternalIt, double loadedSalary, double benefitsShare, double toolsPerUser,
			double recruitingTrainingPerItStaff, double recruitingShare, Plan coManaged, Plan fullyManaged,
			double securityAddOnPerUserMonth, List<String> securityAddOnWhen) {

		public PriceAssumptions {
			employeesPerBand = (employeesPerBand != null) ? Map.copyOf(employeesPerBand) : Map.of();
			itStaffByInternalIt = (itStaffByInternalIt != null) ? Map.copyOf(itStaffByInternalIt) : Map.of();
			securityAddOnWhen = (securityAddOnWhen != null) ? List.copyOf(securityAddOnWhen) : List.of();
		}

	}

	public record Plan(double perUserMonth, double projectsPerUser, double staffKept, double toolsKept,
			double recruitingKept) {
	}

	/** Where new-lead notifications go; webhook secrets are never read back, only whether one is set. */
	public record NotificationSettings(String salesInbox, String dashboardBaseUrl, List<Webhook> webhooks,
			int maxAttempts) {

		public NotificationSettings {
			webhooks = (webhooks != null) ? List.copyOf(webhooks) : List.of();
		}

	}

	public record Webhook(String url, boolean hasSecret) {
	}

	public record NotificationSettingsInput(String salesInbox, List<WebhookInput> webhooks, int maxAttempts) {

		public NotificationSettingsInput {
			webhooks = List.copyOf(webhooks);
		}

	}

	/** A webhook to keep or add; a null {@code secret} leaves the stored one as it is. */
	public record WebhookInput(String url, String secret) {
	}

	public record DeliveryPage(List<Delivery> items, String nextCursor) {

		public DeliveryPage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	public record Delivery(String id, String eventId, String channel, String target, String state, int attempts,
			String lastError, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {

		public boolean dead() {
			return "dead".equals(state);
		}

	}

	/** Filters of the audit trail; blank ones are left out. */
	public record AuditQuery(String actor, String action, Instant from, Instant to, int limit, String after) {
	}

	public record AuditPage(List<AuditEntry> items, String nextCursor) {

		public AuditPage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	/** One recorded action; {@code detail} is whatever the service recorded, text or structure. */
	public record AuditEntry(Instant at, String actor, String action, String leadId, JsonNode detail) {

		private static final Pattern LEAD_ID = Pattern
			.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

		/** Whether {@code leadId} is a lead id at all, and so may become a link to the lead. */
		public boolean hasLeadId() {
			return leadId != null && LEAD_ID.matcher(leadId).matches();
		}

		public String detailText() {
			if (detail == null || detail.isNull()) {
				return "";
			}
			return detail.isString() ? detail.asString() : detail.toString();
		}

	}

}
