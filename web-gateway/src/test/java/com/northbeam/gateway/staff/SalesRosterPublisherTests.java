package com.northbeam.gateway.staff;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway tells assessment-service's routing who may own leads, and whether each
 * account is enabled, whenever an account changes.
 */
@SpringBootTest
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class SalesRosterPublisherTests {

	private static final String ROSTER = "/api/admin/routing/sales-people";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	StaffAccounts accounts;

	@Autowired
	SalesRosterPublisher publisher;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void acceptRoster() {
		assessment.respond("PUT", ROSTER, new Response(200, "application/json", "{\"changed\":1}", Duration.ZERO));
	}

	@Test
	void creatingAndDisablingAnAccountPublishesTheWholeRosterAsTheGateway() {
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		StaffAccount editor = StaffTestSupport.account(accounts, StaffRole.EDITOR);

		JsonNode afterCreate = entry(lastRoster(), sales.email());
		assertThat(afterCreate.get("name").asString()).isEqualTo(sales.name());
		assertThat(afterCreate.get("enabled").asBoolean()).isTrue();
		assertThat(entry(lastRoster(), editor.email())).as("editors do not own leads").isNull();
		JsonNode token = TokenClaims.of(last());
		assertThat(token.get("sub").asString()).isEqualTo("gateway");
		assertThat(token.get("scope").asString()).isEqualTo("roster:write");

		accounts.update(sales.id(), sales.version(), sales.name(), EnumSet.of(StaffRole.SALES), false);

		assertThat(entry(lastRoster(), sales.email()).get("enabled").asBoolean()).isFalse();
	}

	@Test
	void aPublicationThatFailsLeavesTheChangeInPlaceAndTheNextOneCarriesIt() {
		assessment.respond("PUT", ROSTER, new Response(503, "application/problem+json", "{}", Duration.ZERO));
		StaffAccount sales = StaffTestSupport.account(accounts, StaffRole.SALES);
		assertThat(accounts.byId(sales.id())).isPresent();

		acceptRoster();
		assertThat(publisher.publish()).isTrue();
		assertThat(entry(lastRoster(), sales.email())).isNotNull();
	}

	private Request last() {
		List<Request> puts = assessment.requests()
			.stream()
			.filter((request) -> request.method().equals("PUT") && request.path().equals(ROSTER))
			.toList();
		assertThat(puts).isNotEmpty();
		return puts.get(puts.size() - 1);
	}

	private JsonNode lastRoster() {
		return json.readTree(last().body()).get("people");
	}

	private static JsonNode entry(JsonNode people, String email) {
		return people.valueStream()
			.filter((person) -> person.get("email").asString().equals(email))
			.findFirst()
			.orElse(null);
	}

}
