package com.northbeam.gateway.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page read on the site, as assessment-service takes it for a reading history: an
 * article, and the guide section followed to it or within it, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageRead(String slug, String title, String section, String sectionTitle, Instant viewedAt) {
}
