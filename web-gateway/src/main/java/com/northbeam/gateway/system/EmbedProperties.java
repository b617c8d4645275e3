package com.northbeam.gateway.system;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Embedding the assessment in other sites.
 *
 * @param allowedOrigins the origins ({@code https://host[:port]}, no path) whose pages
 * may call the public JSON API from a browser (CORS) and show {@code /embed/assessment}
 * in a frame ({@code frame-ancestors}); empty by default: no other site may do either
 */
@ConfigurationProperties("gateway.embed")
public record EmbedProperties(@DefaultValue List<String> allowedOrigins) {

	private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

	public EmbedProperties {
		allowedOrigins = allowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList();
		for (String origin : allowedOrigins) {
			if (!ORIGIN.matcher(origin).matches()) {
				throw new IllegalArgumentException("gateway.embed.allowed-origins: '" + origin
						+ "' is not an origin like https://www.example.com (scheme, host and optional port, no path)");
			}
		}
	}

}
