package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;

import com.northbeam.gateway.client.ContentEditingClient.Article;
import com.northbeam.gateway.client.ContentEditingClient.ArticleInput;
import com.northbeam.gateway.client.ContentEditingClient.ArticleSummary;
import com.northbeam.gateway.client.ContentEditingClient.Faq;
import com.northbeam.gateway.client.ContentEditingClient.FaqInput;
import com.northbeam.gateway.client.ContentEditingClient.Preview;
import com.northbeam.gateway.client.ContentEditingClient.Revision;
import com.northbeam.gateway.client.ContentEditingClient.RevisionSummary;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** content-service's editor API: drafts, publishing, revisions, FAQs and the preview. */
@HttpExchange("/api/editor")
interface ContentEditorApi {

	@GetExchange("/articles")
	List<ArticleSummary> articles(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(required = false) String status);

	@GetExchange("/articles/{id}")
	Article article(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	@PostExchange("/articles")
	Article create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody ArticleInput input);

	@PutExchange("/articles/{id}")
	Article update(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody ArticleInput input);

	/** {@code transition} is one of the {@link ContentEditingClient.Transition} paths. */
	@PostExchange("/articles/{id}/{transition}")
	Article transition(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@PathVariable String transition, @RequestBody TransitionInput input);

	@PutExchange("/articles/{id}/related")
	Article replaceRelated(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody RelatedInput input);

	@GetExchange("/articles/{id}/revisions")
	List<RevisionSummary> revisions(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	@GetExchange("/articles/{id}/revisions/{revision}")
	Revision revision(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@PathVariable int revision);

	@PostExchange("/articles/{id}/revisions/{revision}/restore")
	Article restore(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@PathVariable int revision, @RequestBody TransitionInput input);

	@GetExchange("/faqs")
	List<Faq> faqs(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@PostExchange("/faqs")
	Faq createFaq(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody FaqInput input);

	@PutExchange("/faqs/{id}")
	Faq updateFaq(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody FaqInput input);

	@DeleteExchange("/faqs/{id}")
	void deleteFaq(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id);

	/** Markdown rendered and sanitised exactly as a saved article is. */
	@PostExchange("/preview")
	Preview preview(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody PreviewInput input);

	record TransitionInput(Integer version, Instant publishAt) {
	}

	record RelatedInput(List<String> slugs) {
	}

	record PreviewInput(String body) {
	}

}
