package com.northbeam.assessment.routing;

import java.time.Instant;
import java.util.List;

/**
 * A round-robin group: its members (staff emails) take new leads in turn.
 *
 * @param nextTurn the index of the member whose turn it is
 * @param version raised by every change; a change based on another version is refused
 */
record RoutingGroup(long id, String name, List<String> members, int nextTurn, int version, Instant updatedAt,
		String updatedBy) {

	RoutingGroup {
		members = List.copyOf(members);
	}

}
