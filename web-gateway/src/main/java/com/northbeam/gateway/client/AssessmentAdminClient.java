package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of assessment-service's admin API: price assumptions, notification
 * settings and deliveries, the audit trail, and per-lead export and erasure. Every call
 * carries a token issued for the signed-in admin (scope {@code admin}), so the service's
 * audit names the real person. Refusals become {@link AdminRejectedException} (field
 * errors), {@link AdminConflictException} or {@link AdminNotFoundException}.
 */
@Component
public class AssessmentAdminClient {

	private final AdminApi admin;

	private final ApplicationEventPublisher events;

	AssessmentAdminClient(AdminApi admin, ApplicationEventPublisher events) {
		this.admin = admin;
		this.events = events;
	}

	public PriceAssumptionsVersion priceAssumptions(StaffCaller caller) {
		return Refusals.ADMIN.answer("price assumptions", () -> admin.priceAssumptions(Caller.of(caller)));
	}

	/** Earlier versions, newest first. */
	public List<PriceAssumptionsVersion> priceAssumptionsHistory(StaffCaller caller, int limit) {
		return List.copyOf(Refusals.ADMIN.answer("price assumption history",
				() -> admin.priceAssumptionsHistory(Caller.of(caller), limit)));
	}

	/**
	 * Saves a new version, refused with a conflict when {@code basedOnVersion} is no
	 * longer the newest.
	 */
	public PriceAssumptionsVersion updatePriceAssumptions(StaffCaller caller, PriceAssumptions assumptions,
			int basedOnVersion) {
		return Refusals.ADMIN.answer("price assumptions",
				() -> admin.updatePriceAssumptions(Caller.of(caller), basedOnVersion, assumptions));
	}

	public ResponseTarget responseTarget(StaffCaller caller) {
		return Refusals.ADMIN.answer("response target", () -> admin.responseTarget(Caller.of(caller)));
	}

	/** Earlier versions, newest first. */
	public List<ResponseTarget> responseTargetHistory(StaffCaller caller, int limit) {
		return List.copyOf(Refusals.ADMIN.answer("response target history",
				() -> admin.responseTargetHistory(Caller.of(caller), limit)));
	}

	/**
	 * Saves a new version, refused with field errors, or with a conflict when
	 * {@code basedOnVersion} is no longer the newest.
	 */
	public ResponseTarget updateResponseTarget(StaffCaller caller, ResponseTargetInput input, int basedOnVersion) {
		return Refusals.ADMIN.answer("response target",
				() -> admin.updateResponseTarget(Caller.of(caller), basedOnVersion, input));
	}

	public NotificationSettings notificationSettings(StaffCaller caller) {
		return Refusals.ADMIN.answer("notification settings", () -> admin.notificationSettings(Caller.of(caller)));
	}

	/**
	 * Replaces the settings; a webhook whose {@code secret} is null keeps the secret it
	 * has. Answers the settings saved, with the secrets the service generated (shown this
	 * once), or empty settings when the service answers none.
	 */
	public NotificationSettings updateNotificationSettings(StaffCaller caller, NotificationSettingsInput input) {
		NotificationSettings saved = Refusals.ADMIN.call("notification settings",
				() -> admin.updateNotificationSettings(Caller.of(caller), input));
		return (saved != null) ? saved
				: new NotificationSettings(input.salesInbox(), null, List.of(), input.maxAttempts());
	}

	/**
	 * One page of deliveries, optionally in one state, continuing after {@code after}.
	 */
	public DeliveryPage deliveries(StaffCaller caller, String state, int limit, String after) {
		QueryParams query = new QueryParams().add("state", state).add("limit", limit).add("after", after);
		return Refusals.ADMIN.answer("deliveries", () -> admin.deliveries(Caller.of(caller), query.values()));
	}

	public void retryDelivery(StaffCaller caller, String deliveryId) {
		Refusals.ADMIN.run("delivery " + deliveryId, () -> admin.retryDelivery(Caller.of(caller), deliveryId));
	}

	/**
	 * Sends a delivery's event again to its target, as a new delivery (scope
	 * {@code notifications:redeliver}).
	 */
	public void redeliverDelivery(StaffCaller caller, String deliveryId) {
		Refusals.ADMIN.run("delivery " + deliveryId, () -> admin.redeliverDelivery(Caller.of(caller), deliveryId));
	}

	/**
	 * One page of the audit trail, newest first, continuing after {@code query.after()}.
	 */
	public AuditPage audit(StaffCaller caller, AuditQuery query) {
		QueryParams params = new QueryParams().add("actor", query.actor())
			.add("action", query.action())
			.add("from", query.from())
			.add("to", query.to())
			.add("limit", query.limit())
			.add("after", query.after());
		return Refusals.ADMIN.answer("audit trail", () -> admin.audit(Caller.of(caller), params.values()));
	}

	/** Everything stored about one lead, as the service's JSON document. */
	public byte[] exportLead(StaffCaller caller, UUID leadId) {
		return Refusals.ADMIN.answer("lead " + leadId, () -> admin.exportLead(Caller.of(caller), leadId));
	}

	/**
	 * Erases a lead's personal data for good, then publishes {@link LeadErased} for each
	 * of its submissions (the first and each retake) so the gateway's own copies go too.
	 */
	public void eraseLead(StaffCaller caller, UUID leadId) {
		AdminApi.Erasure erasure = Refusals.ADMIN.call("lead " + leadId,
				() -> admin.eraseLead(Caller.of(caller), leadId));
		if (erasure != null && erasure.submissionIds() != null && !erasure.submissionIds().isEmpty()) {
			erasure.submissionIds()
				.forEach((submissionId) -> events.publishEvent(new LeadErased(leadId, submissionId)));
			return;
		}
		events.publishEvent(new LeadErased(leadId, (erasure != null) ? erasure.submissionId() : null));
	}

	/**
	 * Erases the personal data of the colleague who answered the technical questions of
	 * the lead's assessment {@code submissionId} ({@code null}: the lead's only
	 * colleague), keeping the lead's own and its other colleagues'; the gateway keeps no
	 * copy of a colleague's answers. Says whether there was any.
	 */
	public boolean eraseColleague(StaffCaller caller, UUID leadId, UUID submissionId) {
		return Refusals.ADMIN
			.answer("lead " + leadId, () -> admin.eraseColleague(Caller.of(caller), leadId, submissionId))
			.erased();
	}

	/**
	 * One stored version of the response target: the working minutes a new lead may wait
	 * for its first contact, and the working hours they count in ({@code days} as
	 * {@code MONDAY}..., times as {@code HH:mm}, an {@code end} of {@code 00:00} being
	 * the midnight ending the day).
	 */
	public record ResponseTarget(int version, int minutes, String timeZone, List<String> days, String start, String end,
			Instant createdAt, String createdBy) {

		public ResponseTarget {
			days = (days != null) ? List.copyOf(days) : List.of();
		}

	}

	/** A new response target as the service takes it. */
	public record ResponseTargetInput(Integer minutes, String timeZone, List<String> days, String start, String end) {
	}

	/** One stored version of the price assumptions, who made it and when. */
	public record PriceAssumptionsVersion(int version, Instant createdAt, String createdBy,
			PriceAssumptions assumptions) {
	}

	/**
	 * The MSP's prices and rules of thumb (amounts in {@code currency}, per year unless
	 * named otherwise); the maps are keyed by the questionnaire's answer codes.
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

	/**
	 * Where new-lead notifications go; webhook secrets are never read back, only whether
	 * one is set.
	 */
	public record NotificationSettings(String salesInbox, String dashboardBaseUrl, List<Webhook> webhooks,
			int maxAttempts) {

		public NotificationSettings {
			webhooks = (webhooks != null) ? List.copyOf(webhooks) : List.of();
		}

	}

	/**
	 * A webhook; {@code previousSecretUntil}: after a new secret was set, until when the
	 * previous one still signs; {@code generatedSecret}: a secret the service has just
	 * generated, in the answer of that save only.
	 */
	public record Webhook(String url, boolean hasSecret, Instant previousSecretUntil, String generatedSecret) {
	}

	public record NotificationSettingsInput(String salesInbox, List<WebhookInput> webhooks, int maxAttempts) {

		public NotificationSettingsInput {
			webhooks = List.copyOf(webhooks);
		}

	}

	/**
	 * A webhook to keep or add; a null {@code secret} leaves the stored one as it is, and
	 * {@code generateSecret} has the service make a new one.
	 */
	public record WebhookInput(String url, String secret, boolean generateSecret) {

		public WebhookInput(String url, String secret) {
			this(url, secret, false);
		}

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

	/**
	 * One recorded action; {@code detail} is whatever the service recorded, text or
	 * structure.
	 */
	public record AuditEntry(Instant at, String actor, String action, String leadId, JsonNode detail) {

		private static final Pattern LEAD_ID = Pattern
			.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

		/**
		 * Whether {@code leadId} is a lead id at all, and so may become a link to the
		 * lead.
		 */
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
