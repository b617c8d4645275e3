package com.northbeam.content.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * PostgreSQL stores no U+0000 in {@code text} or {@code jsonb}, so text holding it is
 * refused where it comes in, with a 400 that names the field, instead of failing at the
 * database as a 500: in JSON bodies while they are read, in query parameters before any
 * handler runs.
 */
@Configuration(proxyBeanMethods = false)
class StorableText implements WebMvcConfigurer {

	static final String MESSAGE = "must not contain the NUL character";

	@Bean
	JacksonModule storableTextModule() {
		return new SimpleModule("storable-text").addDeserializer(String.class, new NoNulStrings());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new NoNulParameters());
	}

	static final class NoNulStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				return context.reportInputMismatch(this, "text " + MESSAGE);
			}
			return value;
		}

	}

	static final class NoNulParameters implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			List<FieldError> errors = new ArrayList<>();
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				boolean nul = parameter.getKey().indexOf('\0') >= 0;
				for (String value : parameter.getValue()) {
					nul |= value.indexOf('\0') >= 0;
				}
				if (nul) {
					errors.add(new FieldError(parameter.getKey().replace('\0', '?'), MESSAGE));
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return true;
		}

	}

}
