package com.northbeam.assessment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.northbeam.testsupport.PostgresTestConfiguration;
import com.northbeam.testsupport.TokenTestConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one full-stack setup of this service's tests: the whole application on a throwaway
 * PostgreSQL database, MockMvc, and a token issuer standing in for the gateway. Every
 * test using it shares one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class })
public @interface AssessmentServiceTest {

}
