package com.northbeam.assessment.colleague;

import tools.jackson.databind.JsonNode;

/** The request bodies of the colleague's API. */
final class ColleagueRequests {

	private ColleagueRequests() {
	}

	/**
	 * A respondent invites a colleague; {@code expected} confirms the colleague expects
	 * the email.
	 */
	record Invitation(String email, Boolean expected) {
	}

	/** The colleague's answers to the technical questions, who they are and consent. */
	record Answers(JsonNode answers, Contact contact, Consent consent) {
	}

	record Contact(String name, String email) {
	}

	record Consent(Boolean accepted, String textVersion) {
	}

}
