package com.northbeam.assessment.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * Describes the API at {@code /v3/api-docs}; everything but the published questionnaire
 * needs the gateway's token with the operation's scope.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "assessment-service",
		description = "The questionnaire (public), submissions and results, leads, statistics, administration and "
				+ "the scoring workbench; every call but the questionnaire needs a gateway token with the scope "
				+ "each operation names."))
@SecurityScheme(name = OpenApiConfiguration.GATEWAY_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT")
public class OpenApiConfiguration {

	/** The name of the security scheme operations refer to. */
	public static final String GATEWAY_TOKEN = "gateway-token";

}
