package com.northbeam.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A prospect's request to talk to an expert. {@code screening} is what the site saw that
 * looks automated (the honeypot): the service keeps the request on the lead but notifies
 * nobody.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationRequest(String preferredTimes, String message, SubmissionScreening screening) {
}
