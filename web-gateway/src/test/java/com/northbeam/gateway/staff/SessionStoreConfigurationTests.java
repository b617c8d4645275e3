package com.northbeam.gateway.staff;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class SessionStoreConfigurationTests {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	void twoRequestsOfOneSessionAddingTheSameAttributeBothSucceedAndTheLaterWins() {
		// Its session type is package-private: work through the Session interface.
		@SuppressWarnings("unchecked")
		SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) this.sessions;
		Session session = sessions.createSession();
		sessions.save(session);
		Session firstRequest = sessions.findById(session.getId());
		Session secondRequest = sessions.findById(session.getId());

		firstRequest.setAttribute("csrf", "first");
		secondRequest.setAttribute("csrf", "second");
		sessions.save(firstRequest);
		sessions.save(secondRequest);

		assertThat(sessions.findById(session.getId()).<String>getAttribute("csrf")).isEqualTo("second");
	}

}
