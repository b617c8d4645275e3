package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import com.northbeam.assessment.colleague.ColleagueInvitations;
import com.northbeam.assessment.lead.LeadContacts;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * For tests of other features whose emails go through the outbox: one dispatcher round of
 * the application's outbox, sending email to an SMTP server on a loopback port.
 */
public final class MailDispatch {

	private MailDispatch() {
	}

	/** Leaves events written so far unsent, so a test sees only the emails it causes. */
	public static void skipPending(JdbcClient jdbc) {
		jdbc.sql("update outbox_event set expanded_at = created_at where expanded_at is null").update();
		jdbc.sql("update notification_delivery set state = 'dead' where state = 'pending'").update();
	}

	/** Sends what is due now; returns how many attempts were made. */
	public static int send(ApplicationContext context, int smtpPort) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(smtpPort);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "5000");
		mail.setJavaMailProperties(properties);
		NotificationProperties config = new NotificationProperties("sales@northbeam.test",
				"notifications@northbeam.test", "http://dashboard.test", 3, Duration.ofSeconds(10),
				Duration.ofMinutes(5), Duration.ofMillis(200), 20, Duration.ofSeconds(3), 2, Duration.ofMinutes(5),
				null, Duration.ofHours(24));
		Clock clock = context.getBean(Clock.class);
		DeliveryRepository deliveries = context.getBean(DeliveryRepository.class);
		try (Dispatcher dispatcher = new Dispatcher(context.getBean(OutboxRepository.class), deliveries,
				context.getBean(NotificationSettings.class),
				new NotificationSender(context.getBean(LeadContacts.class), context.getBean(ColleagueInvitations.class),
						context.getBean(OutboxRepository.class), context.getBean(ResumeLinks.class), mail,
						context.getBean(ObjectMapper.class), config, context.getBean(SecretCipher.class), clock),
				new DeliveryRecorder(deliveries, context.getBean(OutboxRepository.class), config, clock,
						context.getBean(OutboxMetrics.class)),
				config, clock)) {
			return dispatcher.dispatch();
		}
	}

}
