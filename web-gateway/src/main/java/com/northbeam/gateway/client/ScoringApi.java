package com.northbeam.gateway.client;

import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import com.northbeam.gateway.client.ScoringWorkbenchClient.DecisionMap;
import com.northbeam.gateway.client.ScoringWorkbenchClient.Draft;
import com.northbeam.gateway.client.ScoringWorkbenchClient.Publish;
import com.northbeam.gateway.client.ScoringWorkbenchClient.PublishedRules;
import com.northbeam.gateway.client.ScoringWorkbenchClient.PublishedVersion;
import com.northbeam.gateway.client.ScoringWorkbenchClient.SaveDraft;
import com.northbeam.gateway.client.ScoringWorkbenchClient.SaveRule;
import com.northbeam.gateway.client.ScoringWorkbenchClient.TrialRun;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * assessment-service's scoring workbench API (scopes {@code scoring:*}) and its admin
 * rescoring of stored submissions (scope {@code admin}).
 */
@HttpExchange("/api/admin")
interface ScoringApi {

	@GetExchange("/scoring/published")
	PublishedRules published(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@GetExchange("/scoring/versions")
	List<PublishedVersion> versions(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@GetExchange("/scoring/decision-map")
	DecisionMap decisionMap(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@GetExchange("/scoring/drafts")
	List<Draft> drafts(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam int limit);

	@GetExchange("/scoring/drafts/{id}")
	Draft draft(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	@GetExchange("/scoring/drafts/{id}/decision-map")
	DecisionMap draftDecisionMap(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	@PostExchange("/scoring/drafts")
	Draft createDraft(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@PutExchange("/scoring/drafts/{id}")
	Draft saveDraft(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody SaveDraft request);

	@PutExchange("/scoring/drafts/{id}/rules/{code}")
	Draft saveRule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id, @PathVariable String code,
			@RequestBody SaveRule request);

	@PostExchange("/scoring/drafts/{id}/trial")
	TrialRun trial(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id, @RequestParam int limit);

	@PostExchange("/scoring/drafts/{id}/publish")
	PublishedVersion publish(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody Publish request);

	@PostExchange("/submissions/{id}/rescore")
	SubmissionResult rescore(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	@GetExchange("/submissions/{id}/results")
	List<SubmissionResult> results(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

}
