package com.northbeam.gateway.client;

import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.ContactDetails;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.ResumeLinkClient.ResumeLink;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** assessment-service's public side: the questionnaire, submissions and their results. */
@HttpExchange("/api")
interface AssessmentApi {

	@GetExchange("/questionnaires/current")
	Questionnaire currentQuestionnaire();

	@PostExchange("/submissions")
	SubmissionResult submit(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestBody SubmissionRequest submission);

	@GetExchange("/submissions/{id}")
	SubmissionResult result(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	@PutExchange("/submissions/{id}/contact")
	SubmissionResult giveContact(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@RequestBody ContactDetails details);

	@PutExchange("/submissions/{id}/reading/{pageId}")
	void addPageRead(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@PathVariable UUID pageId, @RequestBody PageRead page);

	@PostExchange("/submissions/{id}/colleague-invitations")
	ColleagueClient.Invited inviteColleague(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@RequestBody ColleagueClient.Invitation invitation);

	@GetExchange("/submissions/colleague-invitations/{token}")
	ColleagueClient.Link colleagueLink(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String token);

	@PostExchange("/submissions/colleague-invitations/{token}/answers")
	ColleagueClient.Answered colleagueAnswers(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable String token, @RequestBody ColleagueClient.Answers answers);

	@PostExchange("/submissions/{id}/consultation")
	void requestConsultation(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@RequestBody ConsultationRequest request);

	@PostExchange("/resume-links")
	void sendResumeLink(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody ResumeLink link);

}
