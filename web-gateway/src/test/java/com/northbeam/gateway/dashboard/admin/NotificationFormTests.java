package com.northbeam.gateway.dashboard.admin;

import java.util.List;

import com.northbeam.gateway.client.FieldError;
import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettingsInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationFormTests {

	@Test
	void blankRowsAreDroppedAndBlankSecretsKeepTheStoredOne() {
		NotificationForm.Posted posted = NotificationForm.from("sales@msp.test", "5",
				List.of("https://a.test/h", "", "https://c.test/h"), List.of("", "ignored", "s3cret"), List.of("0"),
				null);

		assertThat(posted.errorKeys()).isEmpty();
		NotificationSettingsInput input = posted.toInput();
		assertThat(input.webhooks()).extracting("url").containsExactly("https://a.test/h", "https://c.test/h");
		assertThat(input.webhooks().get(0).secret()).isNull();
		assertThat(input.webhooks().get(1).secret()).isEqualTo("s3cret");
		assertThat(posted.withoutSecrets().webhooks().get(0).hasSecret()).isTrue();
		assertThat(posted.withoutSecrets().toString()).doesNotContain("s3cret");
	}

	@Test
	void aRemovedSecretIsSentEmptyUnlessANewOneIsTypedAndTheInboxMayBeEmpty() {
		NotificationForm.Posted posted = NotificationForm.from("", "5", List.of("https://a.test/h", "https://b.test/h"),
				List.of("", "replacement"), List.of("0", "1"), List.of("0", "1"));

		assertThat(posted.errorKeys()).isEmpty();
		NotificationSettingsInput input = posted.toInput();
		assertThat(input.salesInbox()).isEmpty();
		assertThat(input.webhooks().get(0).secret()).isEmpty();
		assertThat(input.webhooks().get(1).secret()).isEqualTo("replacement");
	}

	@Test
	void wrongSettingsAreNamedByField() {
		NotificationForm.Posted posted = NotificationForm.from("two@a.test, b@c.test", "51",
				List.of("javascript:alert(1)", "https://ok.test/h"), List.of("", "x".repeat(201)), null, null);

		assertThat(posted.errorKeys()).containsOnlyKeys("salesInbox", "maxAttempts", "webhooks.0.url",
				"webhooks.1.secret");
	}

	@Test
	void theServicesWebhookIndexesAreMappedBackToFormRows() {
		assertThat(NotificationPages.byFormRow(
				List.of(new FieldError("webhooks[1].url", "is unreachable"),
						new FieldError("salesInbox", "is not allowed"), new FieldError("dashboardBaseUrl", "is odd")),
				List.of(0, 2)))
			.containsEntry("webhooks.2.url", "is unreachable")
			.containsEntry("salesInbox", "is not allowed")
			.containsEntry("", "dashboardBaseUrl: is odd");
	}

}
