package com.northbeam.gateway.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * Pages go to the socket in one write where they fit
 * {@code gateway.web-server.socket-write-buffer} (32 KB by default). Tomcat hands a
 * response to the socket in pieces no larger than its socket write buffer, one system
 * call each; its default of 8 KB split even the gzipped guide page in two.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(WebServerProperties properties) {
		String bytes = Long.toString(properties.socketWriteBuffer().toBytes());
		return (connector) -> Assert.state(connector.setProperty("socket.appWriteBufSize", bytes),
				"Tomcat did not accept socket.appWriteBufSize");
	}

}
