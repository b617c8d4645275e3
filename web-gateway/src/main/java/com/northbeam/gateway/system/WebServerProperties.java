package com.northbeam.gateway.system;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the embedded web server writes responses.
 *
 * @param socketWriteBuffer the most of a response Tomcat passes to the socket in one
 * write (Tomcat's own default is 8 KB); every open connection holds a buffer of this size
 */
@Validated
@ConfigurationProperties("gateway.web-server")
public record WebServerProperties(@NotNull @DefaultValue("32KB") DataSize socketWriteBuffer) {

	public WebServerProperties {
		if (socketWriteBuffer != null && (socketWriteBuffer.compareTo(DataSize.ofKilobytes(1)) < 0
				|| socketWriteBuffer.compareTo(DataSize.ofMegabytes(1)) > 0)) {
			throw new IllegalArgumentException("gateway.web-server.socket-write-buffer must be between 1KB and 1MB");
		}
	}

}
