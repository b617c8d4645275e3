# One image recipe for the three services: docker build --build-arg SERVICE=content-service .
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
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --launcher --destination /extracted

# Runtime stage: a JRE, the jar's layers (dependencies change less often than our code), a non-root user.
# fontconfig and a font: the gateway draws articles' share images (Java2D's logical "SansSerif").
FROM eclipse-temurin:17.0.15_6-jre-noble
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
