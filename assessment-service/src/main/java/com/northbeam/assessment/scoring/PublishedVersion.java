package com.northbeam.assessment.scoring;

import java.time.Instant;

/**
 * A published rules version as listed in the workbench.
 *
 * @param version the rules version
 * @param questionnaireVersion the questionnaire version it reads
 * @param publishedAt when it was published (or first pinned, for a shipped version)
 * @param publishedBy who published it from the workbench ({@code null}: shipped with the
 * service)
 * @param publishReason why it was published although golden personas failed, if they did
 */
public record PublishedVersion(int version, int questionnaireVersion, Instant publishedAt, String publishedBy,
		String publishReason) {
}
