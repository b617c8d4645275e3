package com.northbeam.assessment.cost;

import java.time.Instant;

/** One stored version of the price assumptions, who made it and when. */
public record VersionedAssumptions(int version, Instant createdAt, String createdBy, PriceAssumptions assumptions) {
}
