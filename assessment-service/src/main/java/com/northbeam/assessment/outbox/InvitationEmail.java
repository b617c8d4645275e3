package com.northbeam.assessment.outbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.northbeam.assessment.colleague.ColleagueInvitations;

/**
 * The email that invites a colleague to answer the technical questions. It names nobody:
 * the respondent told the colleague to expect it, and the link is all it needs.
 */
record InvitationEmail(ColleagueInvitations.Email invitation) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	String subject() {
		return "A colleague asked for your view on your IT support";
	}

	String text() {
		return String.join("\n", "Hello,", "",
				"A colleague of yours is taking our self-assessment of how your company's IT is supported, and asked "
						+ "you to answer the questions about your IT team and its needs: who looks after IT, how busy "
						+ "it is, which skills are missing, what coverage and security you need.",
				"", "It takes about three minutes. Your answers and theirs make one result for the company:",
				this.invitation.link(), "",
				"The link works until " + DAY.format(this.invitation.expiresAt()) + ". If you were not expecting this "
						+ "email, ignore it: nothing is stored about you unless you answer.",
				"", "Northbeam IT", "");
	}

}
