package com.northbeam.gateway.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LeadsClientTests {

	static final UUID LEAD = UUID.fromString("6f1c2b7e-8f6a-4a43-9a57-0a3f4b9c1d21");

	private final FakeHttpServer server = new FakeHttpServer();

	private final List<String> issued = new ArrayList<>();

	private final LeadsClient client = new LeadsClient(new TestServices("assessment-service", server.baseUrl(),
			Duration.ofSeconds(2), (audience, subject, scopes) -> {
				issued.add(subject + " " + String.join(",", scopes));
				return "token-for-" + subject;
			})
		.client(LeadsApi.class));

	private final StaffCaller sales = new StaffCaller("sam@northbeam.test", List.of("leads:read", "leads:write"));

	@AfterEach
	void stopServer() {
		server.close();
	}

	@Test
	void listsLeadsWithTheFiltersAsQueryParametersAndTheStaffMembersToken() {
		server.respond("GET", "/api/leads",
				Response
					.json("""
							{"items":[{"id":"%s","name":"Ada","company":"Acme","email":"ada@acme.test","recommendation":"co_managed",
							"priority":81,"status":"new","owner":null,"createdAt":"2026-11-20T10:00:00Z","source":"newsletter",
							"firstContactAt":null,"firstContactSeconds":null,"waitingSeconds":4800,"overdue":true}],
							"nextCursor":"abc"}"""
						.formatted(LEAD)));
		var filter = new LeadsClient.Filter(List.of("new", "contacted"), List.of("hybrid"), "sam@northbeam.test", 50,
				null, LocalDate.of(2026, 11, 1), null, "a&b+c", "newest", true);

		LeadsClient.LeadPage page = client.leads(sales, filter, "cursor-1", 50);

		assertThat(page.items()).singleElement().satisfies((lead) -> {
			assertThat(lead.name()).isEqualTo("Ada");
			assertThat(lead.priority()).isEqualTo(81);
			assertThat(lead.waitingSeconds()).isEqualTo(4800);
			assertThat(lead.overdue()).isTrue();
		});
		assertThat(page.nextCursor()).isEqualTo("abc");
		FakeHttpServer.Request request = server.requests().get(0);
		assertThat(request.headers().get("Authorization")).containsExactly("Bearer token-for-sam@northbeam.test");
		assertThat(issued).containsExactly("sam@northbeam.test leads:read,leads:write");
		assertThat(request.query())
			.contains("status=new", "status=contacted", "recommendation=hybrid", "owner=sam%40northbeam.test",
					"minPriority=50", "createdFrom=2026-11-01", "q=a%26b%2Bc", "overdue=true", "sort=newest",
					"limit=50", "after=cursor-1")
			.doesNotContain("maxPriority", "createdTo");
	}

	@Test
	void filterTextAndCursorsAreSentAsTextNeverAsTemplates() {
		server.respond("GET", "/api/leads", Response.json("{\"items\":[],\"nextCursor\":null}"));
		var filter = new LeadsClient.Filter(List.of("{status}"), null, "{owner}", null, null, null, null, "{x} 100%",
				null, false);

		client.leads(sales, filter, "{after}/../x", 25);

		assertThat(server.requests().get(0).query())
			.isEqualTo("status=%7Bstatus%7D&owner=%7Bowner%7D&q=%7Bx%7D%20100%25&limit=25&after=%7Bafter%7D%2F..%2Fx");
	}

	@Test
	void aStaleChangeCarriesTheLeadAsItIsNow() {
		server.respond("POST", "/api/leads/" + LEAD + "/status", new Response(409, "application/problem+json", """
				{"status":409,"detail":"The lead changed","current":{"id":"%s","version":4,"status":"qualified",
				"contact":{"name":"Ada","email":"ada@acme.test","company":"Acme"},"priority":81,
				"recommendation":"co_managed","createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z"}}"""
			.formatted(LEAD), Duration.ZERO));

		assertThatExceptionOfType(StaleLeadException.class)
			.isThrownBy(() -> client.changeStatus(sales, LEAD, 3, "contacted", null))
			.satisfies((stale) -> {
				assertThat(stale.current().version()).isEqualTo(4);
				assertThat(stale.current().status()).isEqualTo("qualified");
			});
		assertThat(server.requests().get(0).body()).contains("\"version\":3", "\"status\":\"contacted\"");
	}

	@Test
	void aRefusedChangeNamesTheFields() {
		server.respond("POST", "/api/leads/" + LEAD + "/status", new Response(400, "application/problem+json", """
				{"status":400,"errors":[{"field":"lostReason","message":"Say why the lead was lost."}]}""",
				Duration.ZERO));

		assertThatExceptionOfType(LeadRejectedException.class)
			.isThrownBy(() -> client.changeStatus(sales, LEAD, 3, "lost", null))
			.satisfies((refused) -> assertThat(refused.errors()).extracting(FieldError::field)
				.containsExactly("lostReason"));
	}

	@Test
	void aNoteSaysWhetherItRecordsACallOrAnEmail() {
		server.respond("POST", "/api/leads/" + LEAD + "/notes", new Response(201, "application/json",
				"{\"at\":\"2026-11-21T10:00:00Z\",\"actor\":\"sam@northbeam.test\",\"kind\":\"call\"}", Duration.ZERO));

		client.addNote(sales, LEAD, "Rang them", "call");

		assertThat(server.requests().get(0).body()).contains("\"text\":\"Rang them\"", "\"kind\":\"call\"");
	}

	@Test
	void anUnknownLeadIsNotFound() {
		assertThatExceptionOfType(LeadNotFoundException.class).isThrownBy(() -> client.lead(sales, LEAD));
	}

	@Test
	void theCsvExportIsCopiedAsItArrives() {
		server.respond("GET", "/api/leads/export.csv",
				new Response(200, "text/csv", "name,company\nAda,Acme\n", Duration.ZERO));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		client.exportCsv(sales,
				new LeadsClient.Filter(List.of("won"), null, null, null, null, null, null, null, null, false), out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("name,company\nAda,Acme\n");
		assertThat(server.requests().get(0).query()).isEqualTo("status=won");
	}

}
