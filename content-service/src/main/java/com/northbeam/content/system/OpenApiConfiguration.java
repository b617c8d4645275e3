package com.northbeam.content.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * Describes the API at {@code /v3/api-docs}; editor operations need the gateway's token.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "content-service",
		description = "Published articles, FAQs, search, sitemap and feed data (public, cacheable); "
				+ "the editor API under /api/editor needs a gateway token with the content:write scope."))
@SecurityScheme(name = OpenApiConfiguration.GATEWAY_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT")
public class OpenApiConfiguration {

	/** The name of the security scheme editor operations refer to. */
	public static final String GATEWAY_TOKEN = "gateway-token";

}
