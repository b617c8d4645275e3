# One image recipe for the three services: docker build --build-arg SERVICE=content-service .
# The runtime JDK is a build argument: --build-arg RUNTIME_IMAGE=eclipse-temurin:25-jre-noble runs
# the same jar on Java 25 with its AOT cache.
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.15_6-jre-noble
# Build stage: compiles the chosen module with the Maven wrapper (tests run in CI, not here).
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
ARG SERVICE
WORKDIR /workspace
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support test-support
COPY content-service content-service
COPY assessment-service assessment-service
COPY web-gateway web-gateway
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl "${SERVICE}" -am package \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --destination /extracted \
 && mv "/extracted/application/${SERVICE}.jar" /extracted/application/app.jar

# Runtime stage: a JRE, the jar's layers (dependencies change less often than our code), a non-root user.
# fontconfig and a font: the gateway draws articles' share images (Java2D's logical "SansSerif").
FROM ${RUNTIME_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# A class-data cache trained by a real start of the service on the embedded database (thrown away
# after), up to readiness and a few requests: an AOT cache where the JDK has one (24 and newer), an
# AppCDS archive otherwise. java reads the matching flag from cache.args. The jar starts with the
# bean definitions the build computed ahead of time (spring.aot.enabled). Start-up roughly halves.
ARG SERVICE
# The collector is named, not left to the JVM's choice by container size: the cache is trained
# with it and stays usable in a small pod, where the JVM would otherwise pick the Serial collector.
ENV JAVA_TOOL_OPTIONS="-XX:+UseG1GC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
COPY docker/train-class-cache.sh /tmp/train-class-cache.sh
RUN if java -XX:AOTCacheOutput=/tmp/probe.aot -version >/dev/null 2>&1; \
    then flag=-XX:AOTCacheOutput=app.aot; echo "-XX:AOTCache=app.aot" > cache.args; \
    else flag=-XX:ArchiveClassesAtExit=app.jsa; echo "-XX:SharedArchiveFile=app.jsa" > cache.args; fi \
 && bash /tmp/train-class-cache.sh "${SERVICE}" "$flag" -XX:MaxRAMPercentage=75 -Dspring.aot.enabled=true \
      -jar app.jar >/tmp/training.log 2>&1 || { tail -n 50 /tmp/training.log; exit 1; }; \
    test -s app.aot -o -s app.jsa \
 && rm -rf data /tmp/probe.aot /tmp/training.log /tmp/train-class-cache.sh
USER 10001
ENTRYPOINT ["java", "@cache.args", "-Dspring.aot.enabled=true", "-jar", "app.jar"]
