package com.northbeam.gateway.system;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.PostgresTestConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How the gateway's web server is set up for speed, and that it still measures requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class WebServerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebServerProperties properties;

	@Test
	void theConnectorWritesUpTo32KilobytesAtOnceByDefault() {
		Connector connector = new Connector();
		new TomcatConfiguration().socketWriteBuffer(properties).customize(connector);
		assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("32768");
	}

	@Test
	void theWriteBufferIsKeptWithinBounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebServerProperties(DataSize.ofBytes(10)));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebServerProperties(DataSize.ofGigabytes(2)));
	}

	@Test
	void requestsAreMeasuredButSpringSecurityFiltersAreNotObserved() {
		assertThat(mvc.get().uri("/privacy")).hasStatusOk();
		assertThat(mvc.get().uri("/dashboard")).hasStatus3xxRedirection();
		assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(meters.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("spring.security"));
	}

}
