package com.northbeam.assessment.brief;

import java.util.Optional;
import java.util.UUID;

/**
 * What the brief feature needs of a lead. The lead feature shows the brief, so the brief
 * feature does not call it; it declares this and the lead feature implements it.
 */
public interface BriefLeads {

	/**
	 * The newest stored result of the submission the lead came from, as JSON; empty when
	 * there is no such lead.
	 */
	Optional<String> storedResult(UUID leadId);

}
