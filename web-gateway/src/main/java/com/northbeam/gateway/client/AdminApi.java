package com.northbeam.gateway.client;

import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentAdminClient.AuditPage;
import com.northbeam.gateway.client.AssessmentAdminClient.DeliveryPage;
import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettings;
import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettingsInput;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptions;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptionsVersion;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * assessment-service's admin API: prices, the response target, notifications, the audit
 * trail, per-lead export and erasure.
 */
@HttpExchange("/api/admin")
interface AdminApi {

	@GetExchange("/price-assumptions")
	PriceAssumptionsVersion priceAssumptions(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@GetExchange("/price-assumptions/history")
	List<PriceAssumptionsVersion> priceAssumptionsHistory(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam int limit);

	@PutExchange("/price-assumptions")
	PriceAssumptionsVersion updatePriceAssumptions(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam int basedOnVersion, @RequestBody PriceAssumptions assumptions);

	@GetExchange("/response-target")
	AssessmentAdminClient.ResponseTarget responseTarget(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@GetExchange("/response-target/history")
	List<AssessmentAdminClient.ResponseTarget> responseTargetHistory(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam int limit);

	@PutExchange("/response-target")
	AssessmentAdminClient.ResponseTarget updateResponseTarget(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam int basedOnVersion, @RequestBody AssessmentAdminClient.ResponseTargetInput input);

	@GetExchange("/notifications/settings")
	NotificationSettings notificationSettings(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@PutExchange("/notifications/settings")
	NotificationSettings updateNotificationSettings(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestBody NotificationSettingsInput input);

	/** {@code query}: state, limit, after. */
	@GetExchange("/notifications/deliveries")
	DeliveryPage deliveries(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam MultiValueMap<String, String> query);

	@PostExchange("/notifications/deliveries/{id}/retry")
	void retryDelivery(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id);

	@PostExchange("/notifications/deliveries/{id}/redeliver")
	void redeliverDelivery(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id);

	/** {@code query}: actor, action, from, to, limit, after. */
	@GetExchange("/audit")
	AuditPage audit(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam MultiValueMap<String, String> query);

	@GetExchange(url = "/leads/{id}/export", accept = "application/json")
	byte[] exportLead(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	@PostExchange("/leads/{id}/erase")
	Erasure eraseLead(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	/**
	 * The erased lead, its newest submission and every submission it holds (the first and
	 * each retake; absent from older services).
	 */
	record Erasure(UUID id, UUID submissionId, List<UUID> submissionIds) {
	}

	/** {@code submission}: the assessment whose colleague to erase. */
	@PostExchange("/leads/{id}/colleague/erase")
	ColleagueErasure eraseColleague(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) UUID submission);

	/** Whether the lead's colleague had personal data to erase. */
	record ColleagueErasure(UUID id, boolean erased) {
	}

}
