package com.northbeam.assessment.scoring;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Which submissions became leads, so the workbench can list the leads a draft would
 * change. Declared here and implemented by the lead feature, so scoring does not depend
 * on it.
 */
public interface LeadReferences {

	/** The lead id of each given submission that has a lead, in one query. */
	Map<UUID, UUID> leadIds(Collection<UUID> submissionIds);

}
