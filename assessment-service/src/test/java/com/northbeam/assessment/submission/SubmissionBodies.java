package com.northbeam.assessment.submission;

import java.util.UUID;

/** Request bodies for submission tests. */
public final class SubmissionBodies {

	static final String CONSENT_VERSION = "2026-11-v1";

	static final String ANSWERS = """
			{"employees":"51-200","internal_it":"it_team","growth":"fast","workload":"overloaded",
			 "skills_gaps":["cybersecurity","cloud_migration"],"project_delays":"often","support_wait":"sometimes",
			 "coverage":"extended_hours","security_complexity":"complex","tech_footprint":["cloud","remote_work"],
			 "control_preference":"keep_control","hiring":"somewhat_hard","predictability":"medium"}""";

	private SubmissionBodies() {
	}

	/**
	 * A valid submission with contact details. Its phone number differs by id, so
	 * submissions with different ids are not the same answers and contact sent again
	 * (which would be quarantined).
	 */
	public static String valid(UUID id) {
		return """
				{"id":"%s","questionnaireVersion":1,"answers":%s,
				 "costs":{"internal_it_staff":3,"average_loaded_salary":90000,"tools_spend":20000},
				 "contact":{"name":"Dana Prospect","email":"dana@prospect.example","company":"Prospect Works",
				            "phone":"%s","role":"Operations manager"},
				 "consent":{"accepted":true,"textVersion":"%s"},
				 "attribution":{"utm_source":"newsletter","utm_medium":"email","utm_campaign":"autumn",
				                "referrer":"https://search.example/","landing":"/articles/co-managed-vs-fully-managed-it"}}"""
			.formatted(id, ANSWERS, phone(id), CONSENT_VERSION);
	}

	/** The phone number of {@link #valid}'s contact. */
	public static String phone(UUID id) {
		return "+44 20 7946 %012d".formatted(Math.floorMod(id.getLeastSignificantBits(), 1_000_000_000_000L));
	}

	/** A submission whose contact details come after the result. */
	public static String contactLater(UUID id) {
		return """
				{"id":"%s","questionnaireVersion":1,"answers":%s,"contactLater":true,
				 "attribution":{"utm_source":"webinar","landing":"/assessment"}}""".formatted(id, ANSWERS);
	}

	/** Contact details and consent given after the result. */
	public static String lateContact(String email) {
		return """
				{"contact":{"name":"Lee Later","email":"%s","company":"Later Ltd","role":"IT lead"},
				 "consent":{"accepted":true,"textVersion":"%s"}}""".formatted(email, CONSENT_VERSION);
	}

	/**
	 * Exactly the body of the gateway's public JSON API: no costs, no questionnaire
	 * version.
	 */
	static String publicApi(String idMember) {
		return """
				{%s"answers":%s,
				 "contact":{"name":"Sam Owner","email":"sam@smallshop.example","company":"Small Shop"},
				 "consent":{"accepted":true,"textVersion":"%s"},
				 "attribution":{"utm_source":"partner-site"}}""".formatted(idMember,
				ANSWERS.replace("\"it_team\"", "\"none\"").replace("\"workload\":\"overloaded\",", ""),
				CONSENT_VERSION);
	}

}
