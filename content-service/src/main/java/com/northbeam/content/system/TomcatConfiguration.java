package com.northbeam.content.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * Responses go to the socket in one write where they fit
 * {@code content.server.socket-write-buffer} (32 KB). Tomcat passes a response to the
 * socket in pieces no larger than its socket write buffer, one system call each: with its
 * default of 8 KB the guide (26 KB with headers) took four writes, and the client as many
 * wake-ups to read it.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(ContentProperties properties) {
		String bytes = Long.toString(properties.server().socketWriteBuffer().toBytes());
		return (connector) -> Assert.state(connector.setProperty("socket.appWriteBufSize", bytes),
				"Tomcat did not accept socket.appWriteBufSize");
	}

}
