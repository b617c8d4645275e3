package com.northbeam.assessment.system;

import tools.jackson.databind.JacksonModule;
import tools.jackson.module.blackbird.BlackbirdModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson reads and writes the properties of our records through accessors generated once
 * per property (Blackbird) instead of reflective calls: every submission reads a request
 * and writes a result of some ten kilobytes, a fifth of its CPU.
 */
@Configuration(proxyBeanMethods = false)
class JsonAccessors {

	@Bean
	JacksonModule blackbirdModule() {
		return new BlackbirdModule();
	}

}
