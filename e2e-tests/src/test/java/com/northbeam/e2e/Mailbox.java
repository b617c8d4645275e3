package com.northbeam.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A GreenMail SMTP server on a free loopback port, for the browser tests that read the
 * emails people get, and the platform whose assessment-service sends its mail there,
 * looking for due notifications every half second.
 */
final class Mailbox implements AutoCloseable {

	private final int port = Platform.freePort();

	private final GreenMail smtp = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	Mailbox() {
		this.smtp.start();
	}

	/**
	 * A platform, not started yet, whose assessment-service mails here, with
	 * {@code settings} of its own besides.
	 */
	Platform platform(String... settings) {
		List<String> all = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.port,
				"--assessment.notifications.interval=500ms"));
		all.addAll(List.of(settings));
		return new Platform().with("assessment-service", all.toArray(String[]::new));
	}

	/** Every email received so far. */
	MimeMessage[] received() {
		return this.smtp.getReceivedMessages();
	}

	/** Whether {@code count} emails in all have arrived within {@code timeout}. */
	boolean await(int count, Duration timeout) {
		return this.smtp.waitForIncomingEmail(timeout.toMillis(), count);
	}

	/** The emails received so far with {@code address} among their recipients. */
	List<MimeMessage> to(String address) {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : received()) {
			try {
				Address[] recipients = message.getRecipients(Message.RecipientType.TO);
				if (recipients != null && Arrays.stream(recipients).anyMatch((to) -> to.toString().equals(address))) {
					messages.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return messages;
	}

	/**
	 * Waits up to {@code timeout} for a first email to {@code address}; returns those
	 * received by then (empty when none came).
	 */
	List<MimeMessage> awaitTo(String address, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<MimeMessage> messages = to(address);
		while (messages.isEmpty() && System.nanoTime() < deadline) {
			Platform.sleep(250);
			messages = to(address);
		}
		return messages;
	}

	@Override
	public void close() {
		this.smtp.stop();
	}

}
