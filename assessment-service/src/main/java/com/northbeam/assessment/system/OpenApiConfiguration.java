package com.northbeam.assessment.system;

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
	OpenApiCustomizer assessmentApiDocument(ObjectProvider<BuildProperties> build) {
		return (openApi) -> {
			BuildProperties properties = build.getIfAvailable();
			openApi.info(new Info().title("assessment-service")
				.version((properties != null) ? properties.getVersion() : "development")
				.description("The questionnaire (public), submissions and results, leads, statistics, "
						+ "administration and the scoring workbench; every call but the questionnaire needs a "
						+ "gateway token with the scope each operation names. Errors are application/problem+json.")
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
							+ "Its scope claim grants operations: submissions:read, submissions:write, "
							+ "events:write, leads:read, leads:write, scoring:read, scoring:draft, scoring:try, "
							+ "scoring:publish, notifications:redeliver, roster:write, admin."));
			ProblemDocumentation.addComponents(openApi);
			openApi.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> ProblemDocumentation.describe(path,
							HttpMethod.valueOf(method.name()), operation)));
		};
	}

}
