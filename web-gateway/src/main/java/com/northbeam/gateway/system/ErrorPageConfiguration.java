package com.northbeam.gateway.system;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Error pages and error JSON carry the request id to quote, and never a stack trace. */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

	@Bean
	ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {

			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request,
						options.excluding(ErrorAttributeOptions.Include.STACK_TRACE,
								ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.MESSAGE,
								ErrorAttributeOptions.Include.BINDING_ERRORS));
				Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				attributes.put(RequestIdFilter.ATTRIBUTE, (id != null) ? id : "");
				return attributes;
			}

		};
	}

}
