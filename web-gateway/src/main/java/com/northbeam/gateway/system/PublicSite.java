package com.northbeam.gateway.system;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the public site names itself to browsers, search engines and readers.
 *
 * @param publicUrl the site's public root URL, used for canonical links, sitemaps, feeds
 * and the result links of the JSON API
 * @param organization the MSP's name as search engines show it
 * @param contactEmail where readers write to, shown on the privacy page
 */
@Validated
@ConfigurationProperties("gateway.site")
public record PublicSite(@NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
		@NotBlank @DefaultValue("Northbeam IT") String organization,
		@NotBlank @DefaultValue("privacy@northbeam.example") String contactEmail) {

	/** The absolute URL of a path on the site. */
	public String url(String path) {
		String base = publicUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}

}
