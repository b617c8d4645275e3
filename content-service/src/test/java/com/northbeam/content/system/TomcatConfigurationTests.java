package com.northbeam.content.system;

import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class TomcatConfigurationTests {

	@Test
	void theConnectorWritesUpTo32KilobytesAtOnceByDefault() {
		assertThat(socketWriteBufferOf(bind(new MapConfigurationPropertySource()))).isEqualTo("32768");
	}

	@Test
	void theWriteBufferCanBeSetAndIsKeptWithinBounds() {
		assertThat(socketWriteBufferOf(
				bind(new MapConfigurationPropertySource(Map.of("content.server.socket-write-buffer", "64KB")))))
			.isEqualTo("65536");
		assertThatException().isThrownBy(
				() -> bind(new MapConfigurationPropertySource(Map.of("content.server.socket-write-buffer", "2GB"))));
	}

	private static ContentProperties bind(MapConfigurationPropertySource source) {
		return new Binder(source).bindOrCreate("content", Bindable.of(ContentProperties.class));
	}

	private static Object socketWriteBufferOf(ContentProperties properties) {
		Connector connector = new Connector();
		new TomcatConfiguration().socketWriteBuffer(properties).customize(connector);
		return connector.getProperty("socket.appWriteBufSize");
	}

}
