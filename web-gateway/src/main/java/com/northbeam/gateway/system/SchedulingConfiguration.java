package com.northbeam.gateway.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the gateway's background tasks: the submission forwarder, the clean-up of
 * abandoned drafts and the flushing of funnel counts. Each feature registers its own
 * tasks.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
