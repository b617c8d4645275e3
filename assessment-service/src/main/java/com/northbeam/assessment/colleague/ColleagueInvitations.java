package com.northbeam.assessment.colleague;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** An invitation as its email says it, for the feature that sends it. */
@Component
public class ColleagueInvitations {

	private final ColleagueRepository repository;

	private final InvitationLinks links;

	private final ColleagueProperties properties;

	ColleagueInvitations(ColleagueRepository repository, InvitationLinks links, ColleagueProperties properties) {
		this.repository = repository;
		this.links = links;
		this.properties = properties;
	}

	/**
	 * @param email where it goes
	 * @param link the signed link to the colleague's questions
	 * @param expiresAt when the link stops working
	 */
	public record Email(String email, String link, Instant expiresAt) {
	}

	/**
	 * The invitation's email, read now; empty when there is no such invitation or the
	 * colleague's data was erased.
	 */
	public Optional<Email> email(UUID invitationId) {
		return this.repository.findInvitation(invitationId)
			.filter((invitation) -> invitation.email() != null)
			.map((invitation) -> new Email(invitation.email(), link(invitation), invitation.expiresAt()));
	}

	private String link(ColleagueRepository.Invitation invitation) {
		String site = this.properties.siteUrl();
		return (site.endsWith("/") ? site.substring(0, site.length() - 1) : site) + "/assessment/colleague/"
				+ this.links.token(invitation.id(), invitation.expiresAt());
	}

}
