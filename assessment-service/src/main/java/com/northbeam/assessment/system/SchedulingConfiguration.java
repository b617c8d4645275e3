package com.northbeam.assessment.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the background jobs (notification dispatcher, retention) unless
 * {@code assessment.scheduling.enabled=false}; tests switch them off and drive the jobs
 * themselves. Every job is safe with several replicas: each claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "assessment.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

}
