package com.northbeam.gateway.client;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

/**
 * What a refusal means in each area of the services, in one place: the typed exceptions
 * the features catch. A call's {@code what} ("article 41") names the thing in not-found
 * messages.
 */
final class Refusals {

	/** content-service's editor API. */
	static final Refusals CONTENT_EDITS = new Refusals("content-service", Refusals::contentEdit);

	/** assessment-service's admin and statistics API. */
	static final Refusals ADMIN = new Refusals("assessment-service", Refusals::admin);

	/** assessment-service's leads API. */
	static final Refusals LEADS = new Refusals("assessment-service", Refusals::lead);

	private final String service;

	private final BiFunction<Refusal, String, RuntimeException> translation;

	private Refusals(String service, BiFunction<Refusal, String, RuntimeException> translation) {
		this.service = service;
		this.translation = translation;
	}

	/** The call's answer, which must have a body: one without is a service fault. */
	<T> T answer(String what, Supplier<T> call) {
		T result = call(what, call);
		if (result == null) {
			throw new ServiceUnavailableException(service,
					new IllegalStateException(service + " answered without a body for " + what));
		}
		return result;
	}

	/** The call's answer, {@code null} when it had no body. */
	<T> T call(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (Refusal refusal) {
			throw translation.apply(refusal, what);
		}
	}

	void run(String what, Runnable call) {
		call(what, () -> {
			call.run();
			return what;
		});
	}

	private static RuntimeException contentEdit(Refusal refusal, String what) {
		if (refusal.is(HttpStatus.NOT_FOUND)) {
			return new ContentNotFoundException(what);
		}
		boolean staleVersion = refusal.problem().errors().stream().anyMatch((error) -> "version".equals(error.field()));
		if (refusal.is(HttpStatus.PRECONDITION_FAILED) || (refusal.is(HttpStatus.CONFLICT) && staleVersion)) {
			return new StaleContentException(refusal.detail(), refusal.problem().currentVersion());
		}
		return new ContentRejectedException(refusal.fieldErrors());
	}

	private static RuntimeException admin(Refusal refusal, String what) {
		if (refusal.is(HttpStatus.NOT_FOUND)) {
			return new AdminNotFoundException(what);
		}
		if (refusal.is(HttpStatus.CONFLICT, HttpStatus.PRECONDITION_FAILED)) {
			return new AdminConflictException(refusal.detail(), refusal.problem().errors());
		}
		if (refusal.is(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_CONTENT)) {
			return new AdminRejectedException(refusal.fieldErrors());
		}
		// 401/403: the gateway's token was not accepted; to the staff member that is a
		// service fault.
		return new ServiceUnavailableException(refusal.service(), refusal);
	}

	private static RuntimeException lead(Refusal refusal, String what) {
		if (refusal.is(HttpStatus.NOT_FOUND)) {
			return new LeadNotFoundException(what);
		}
		StaleLead stale = refusal.is(HttpStatus.CONFLICT) ? refusal.bodyAs(StaleLead.class) : null;
		if (stale != null && stale.current() != null) {
			return new StaleLeadException(stale.current());
		}
		return new LeadRejectedException(refusal.fieldErrors());
	}

	/** A submission, its contact details or a consultation request refused as invalid. */
	static SubmissionRejectedException submission(Refusal refusal) {
		return new SubmissionRejectedException(refusal.fieldErrors());
	}

	/** assessment-service's answer to a stale change of a lead: the lead as it is now. */
	private record StaleLead(LeadsClient.LeadDetail current) {
	}

}
