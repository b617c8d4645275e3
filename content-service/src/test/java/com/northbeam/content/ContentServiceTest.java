package com.northbeam.content;

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
 * The one full-stack setup the PostgreSQL tests share (so Spring's context cache starts
 * it once): the whole service on a throwaway PostgreSQL database, test tokens, and a
 * clock tests can move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, TokenTestConfiguration.class, TestClock.Configuration.class })
public @interface ContentServiceTest {

}
