package com.northbeam.content.system;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs}: what the service offers, who may call
 * each operation (the rules of {@link ApiAccess}) and the problems it answers with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenApiCustomizer contentApiDocument(ObjectProvider<BuildProperties> build) {
		return (openApi) -> {
			BuildProperties properties = build.getIfAvailable();
			openApi.info(new Info().title("content-service")
				.version((properties != null) ? properties.getVersion() : "development")
				.description("Published articles, FAQs, search, sitemap and feed data, readable by anyone and "
						+ "cacheable; the editor API under /api/editor needs a gateway token with the "
						+ "content:write scope. Errors are application/problem+json.")
				.contact(new Contact().name("The platform team"))
				.license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")));
			openApi.servers(List.of(new Server().url("/").description("The host serving this document")));
			if (openApi.getComponents() == null) {
				openApi.components(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(ProblemDocumentation.SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("A short-lived RS256 JWT that the gateway signs (keys at the gateway's /oauth2/jwks). "
							+ "Its scope claim grants operations; content:write allows editing."));
			ProblemDocumentation.addComponents(openApi);
			openApi.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> ProblemDocumentation.describe(path,
							HttpMethod.valueOf(method.name()), operation)));
		};
	}

}
