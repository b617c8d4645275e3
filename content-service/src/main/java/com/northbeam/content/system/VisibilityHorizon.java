package com.northbeam.content.system;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells when published content next changes by itself, without a write: the moment the
 * next scheduled article goes live. Cached public responses are dropped at that moment.
 */
public interface VisibilityHorizon {

	Optional<Instant> nextChangeAfter(Instant now);

}
