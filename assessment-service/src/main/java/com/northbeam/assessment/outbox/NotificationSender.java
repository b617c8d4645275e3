package com.northbeam.assessment.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import com.northbeam.assessment.colleague.ColleagueInvitations;
import com.northbeam.assessment.colleague.ColleagueInvited;
import com.northbeam.assessment.lead.LeadContact;
import com.northbeam.assessment.lead.LeadContacts;
import com.northbeam.assessment.outbox.DeliveryRepository.Claim;
import com.northbeam.assessment.outbox.NotificationSettings.Settings;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed delivery: an email to the sales inbox, a JSON webhook signed as
 * Standard Webhooks specifies ({@link WebhookSignature}), or a prospect's link to finish
 * the assessment ({@link ResumeLinks}). Holds no transaction; the only database read is
 * the lead's current contact data, or the resume link's payload.
 * <p>
 * A webhook's {@code webhook-id} is the event's id: the same for every attempt and every
 * redelivery of the event, so that receivers can drop repeats. Its
 * {@code webhook-timestamp} is the time of the attempt.
 */
@Component
class NotificationSender {

	static final String EVENT_ID_HEADER = "X-Northbeam-Event-Id";

	private final LeadContacts leads;

	private final ColleagueInvitations invitations;

	private final OutboxRepository outbox;

	private final ResumeLinks resumeLinks;

	private final JavaMailSender mail;

	private final HttpClient http;

	private final ObjectMapper json;

	private final NotificationProperties properties;

	private final SecretCipher cipher;

	private final Clock clock;

	@Autowired
	NotificationSender(LeadContacts leads, ColleagueInvitations invitations, OutboxRepository outbox,
			ResumeLinks resumeLinks, ObjectProvider<JavaMailSender> mail, ObjectMapper json,
			NotificationProperties properties, SecretCipher cipher, Clock clock) {
		this(leads, invitations, outbox, resumeLinks, mail.getIfAvailable(), json, properties, cipher, clock);
	}

	NotificationSender(LeadContacts leads, ColleagueInvitations invitations, OutboxRepository outbox,
			ResumeLinks resumeLinks, JavaMailSender mail, ObjectMapper json, NotificationProperties properties,
			SecretCipher cipher, Clock clock) {
		this.leads = leads;
		this.invitations = invitations;
		this.outbox = outbox;
		this.resumeLinks = resumeLinks;
		this.mail = mail;
		this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
		this.json = json;
		this.properties = properties;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** Sends the delivery; throws if it did not go through. */
	void send(Claim delivery, Settings settings) throws Exception {
		if (ColleagueInvited.KIND.equals(delivery.kind())) {
			sendInvitation(delivery);
			return;
		}
		if (ResumeLinks.KIND.equals(delivery.kind())) {
			sendResumeLink(delivery);
			return;
		}
		LeadContact lead = this.leads.forNotification(delivery.leadId())
			.orElseThrow(() -> new IllegalStateException("The event's lead does not exist"));
		Notification notification = new Notification(delivery.eventId(), delivery.kind(), lead,
				this.properties.dashboardBaseUrl() + "/leads/" + lead.id());
		if ("email".equals(delivery.channel())) {
			sendEmail(delivery, notification);
		}
		else {
			sendWebhook(delivery, notification, settings);
		}
	}

	private void sendEmail(Claim delivery, Notification notification) throws Exception {
		sendEmail(delivery, delivery.target(), notification.subject(), notification.text());
	}

	/** To the colleague's address as it is now: an erased one is never sent to. */
	private void sendInvitation(Claim delivery) throws Exception {
		if (!OutboxRepository.COLLEAGUE.equals(new OutboxRepository.Target(delivery.channel(), delivery.target()))) {
			throw new IllegalStateException("An invitation goes to the invited colleague only");
		}
		InvitationEmail email = new InvitationEmail(this.invitations.email(delivery.eventId())
			.orElseThrow(() -> new IllegalStateException("The invitation was withdrawn")));
		sendEmail(delivery, email.invitation().email(), email.subject(), email.text());
	}

	private void sendEmail(Claim delivery, String to, String subject, String text) throws Exception {
		if (this.mail == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(this.properties.from());
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(text);
		message.setHeader(EVENT_ID_HEADER, delivery.eventId().toString());
		this.mail.send(message);
	}

	private void sendResumeLink(Claim delivery) throws Exception {
		if (this.mail == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		ResumeLinks.Email email = this.resumeLinks.read(this.outbox.payload(delivery.eventId())
			.orElseThrow(() -> new IllegalStateException("The link's address has been cleared")));
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(this.properties.from());
		helper.setTo(email.email());
		helper.setSubject(email.subject());
		helper.setText(email.text());
		message.setHeader(EVENT_ID_HEADER, delivery.eventId().toString());
		this.mail.send(message);
	}

	private void sendWebhook(Claim delivery, Notification notification, Settings settings) throws Exception {
		byte[] body = this.json.writeValueAsBytes(notification.payload());
		String id = delivery.eventId().toString();
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.target()))
			.timeout(this.properties.webhookTimeout())
			.header("Content-Type", "application/json")
			.header(EVENT_ID_HEADER, id)
			.header(WebhookSignature.ID_HEADER, id)
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		List<byte[]> keys = settings.webhook(delivery.target())
			.map((webhook) -> webhook.keys(this.cipher, this.clock.instant()))
			.orElse(List.of());
		if (!keys.isEmpty()) {
			request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(keys, id, timestamp, body));
		}
		HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() < 200 || response.statusCode() >= 300) {
			throw new IllegalStateException("The webhook answered " + response.statusCode());
		}
	}

}
