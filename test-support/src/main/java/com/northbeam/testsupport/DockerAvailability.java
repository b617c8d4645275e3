package com.northbeam.testsupport;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker engine; asked once per JVM. */
final class DockerAvailability {

	private static volatile Boolean available;

	private DockerAvailability() {
	}

	static boolean isAvailable() {
		if (available == null) {
			synchronized (DockerAvailability.class) {
				if (available == null) {
					available = !Boolean.getBoolean("tests.docker.disabled") && probe();
				}
			}
		}
		return available;
	}

	private static boolean probe() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static final class Available implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isAvailable();
		}

	}

	static final class Unavailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !isAvailable();
		}

	}

}
