package com.northbeam.assessment.colleague;

import java.time.Instant;
import java.util.UUID;

/**
 * A respondent invited a colleague: the invitation email is to be sent. Published inside
 * the transaction that stores the invitation, so the outbox writes it all or nothing with
 * it. The event's id is the invitation's; the email's recipient and link are read when it
 * is sent ({@link ColleagueInvitations}), so an erased address is never sent to.
 */
public record ColleagueInvited(UUID invitationId, Instant at) {

	/** The outbox event kind of an invitation email. */
	public static final String KIND = "colleague.invited";

}
