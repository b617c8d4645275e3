package com.northbeam.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.northbeam.testsupport.RenderedManifests.at;
import static com.northbeam.testsupport.RenderedManifests.list;
import static com.northbeam.testsupport.RenderedManifests.map;
import static com.northbeam.testsupport.RenderedManifests.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Kubernetes cluster runs where we build, so deploy/kubernetes is checked the way a
 * deployment would read it: each kustomization is rendered with {@code kubectl kustomize}
 * and the result is held against what the applications read and expose. kubectl must be
 * installed (.ci/run installs it); without it these tests fail rather than skip.
 */
class KubernetesManifestsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes");

	private static final List<String> APPLICATIONS = List.of("content-service", "assessment-service", "web-gateway");

	private static final String GATEWAY = "web-gateway";

	private static final Map<String, ApplicationSettings> SETTINGS = new HashMap<>();

	private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

	private static final Pattern URL = Pattern.compile("(?:https?|jdbc:postgresql)://([^/:?]+)(?::(\\d+))?");

	static {
		APPLICATIONS.forEach((application) -> SETTINGS.put(application, new ApplicationSettings(ROOT, application)));
	}

	static Stream<String> kustomizations() {
		return Stream.of("base", "overlays/production");
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyApplicationHasADeploymentServiceAutoscalerAndDisruptionBudget(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		assertThat(rendered.ofKind("Deployment")).extracting(RenderedManifests::name)
			.containsExactlyInAnyOrderElementsOf(APPLICATIONS);
		for (String application : APPLICATIONS) {
			Map<String, Object> deployment = rendered.named("Deployment", application);
			Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
			assertThat(map(deployment.get("spec"))).as("%s leaves its replica count to the autoscaler", application)
				.doesNotContainKey("replicas");
			assertThat(selects(at(deployment, "spec", "selector", "matchLabels"), podLabels)).isTrue();

			Map<String, Object> service = rendered.named("Service", application);
			assertThat(selects(at(service, "spec", "selector"), podLabels)).as(application + " Service selector")
				.isTrue();
			for (Object port : list(at(service, "spec", "ports"))) {
				assertThat(containerPort(container(deployment), at(port, "targetPort"))).as(application + " targetPort")
					.isNotNull();
			}

			Map<String, Object> autoscaler = rendered.named("HorizontalPodAutoscaler", application);
			assertThat(at(autoscaler, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
			assertThat(at(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(application);
			int minReplicas = (int) at(autoscaler, "spec", "minReplicas");
			assertThat(minReplicas).as(application + " keeps a spare replica").isGreaterThanOrEqualTo(2);
			assertThat((int) at(autoscaler, "spec", "maxReplicas")).isGreaterThan(minReplicas);

			Map<String, Object> budget = rendered.named("PodDisruptionBudget", application);
			assertThat(selects(at(budget, "spec", "selector", "matchLabels"), podLabels)).as(application + " PDB")
				.isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyContainerHasResourceRequestsAndLimits(String kustomization) {
		for (Map<String, Object> deployment : rendered(kustomization).ofKind("Deployment")) {
			for (Object container : list(at(deployment, "spec", "template", "spec", "containers"))) {
				String described = name(deployment) + "/" + at(container, "name");
				assertThat(map(at(container, "resources", "requests"))).as(described + " requests")
					.containsKeys("cpu", "memory");
				assertThat(map(at(container, "resources", "limits"))).as(described + " limits")
					.containsKeys("cpu", "memory");
				// The JVM sizes its heap from the memory limit; a request below it could
				// see the pod evicted under memory pressure while using what it may use.
				assertThat(at(container, "resources", "requests", "memory")).as(described + " memory")
					.isEqualTo(at(container, "resources", "limits", "memory"));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void probesUseTheActuatorHealthGroupsOnTheApplicationsPort(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		for (String application : APPLICATIONS) {
			ApplicationSettings settings = SETTINGS.get(application);
			assertThat(settings.properties()).as(application + " health groups")
				.contains("management.endpoint.health.probes.enabled=true")
				.containsPattern("management.endpoints.web.exposure.include=.*\\bhealth\\b");
			Map<String, Object> container = container(rendered.named("Deployment", application));
			String port = settings.property("server.port", environment(rendered, container));
			Map<String, String> paths = Map.of("startupProbe", "/livez", "livenessProbe", "/livez", "readinessProbe",
					"/readyz");
			paths.forEach((probe, path) -> {
				assertThat(at(container, probe, "httpGet", "path")).as(application + " " + probe).isEqualTo(path);
				assertThat(containerPort(container, at(container, probe, "httpGet", "port")))
					.as(application + " " + probe + " port")
					.hasToString(port);
			});
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void podsRunAsNonRootOnAReadOnlyFilesystemWithAWritableTmp(String kustomization) {
		for (Map<String, Object> deployment : rendered(kustomization).ofKind("Deployment")) {
			Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
			assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name(deployment)).isEqualTo(true);
			assertThat(at(pod, "securityContext", "runAsUser")).as(name(deployment)).isNotEqualTo(0);
			assertThat(at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
			assertThat(pod).containsEntry("automountServiceAccountToken", false);
			Set<String> emptyDirs = new HashSet<>();
			list(pod.get("volumes")).stream()
				.filter((volume) -> map(volume).containsKey("emptyDir"))
				.forEach((volume) -> emptyDirs.add((String) at(volume, "name")));
			for (Object container : list(pod.get("containers"))) {
				String described = name(deployment) + "/" + at(container, "name");
				assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(described).isEqualTo(true);
				assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as(described).isEqualTo(false);
				assertThat(list(at(container, "securityContext", "capabilities", "drop"))).as(described)
					.contains("ALL");
				assertThat(list(at(container, "volumeMounts"))).as(described + " writable /tmp")
					.anyMatch((mount) -> "/tmp".equals(at(mount, "mountPath"))
							&& emptyDirs.contains((String) at(mount, "name")));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void shutdownIsGracefulWithinTheTerminationGracePeriod(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		for (String application : APPLICATIONS) {
			ApplicationSettings settings = SETTINGS.get(application);
			Map<String, Object> deployment = rendered.named("Deployment", application);
			Map<String, Object> container = container(deployment);
			Map<String, String> environment = environment(rendered, container);
			assertThat(settings.property("server.shutdown", environment)).as(application).isEqualTo("graceful");
			Duration shutdown = settings.durationProperty("spring.lifecycle.timeout-per-shutdown-phase", environment);
			assertThat(shutdown).as(application + " spring.lifecycle.timeout-per-shutdown-phase").isNotNull();
			List<Object> preStop = list(at(container, "lifecycle", "preStop", "exec", "command"));
			assertThat(preStop).as(application + " preStop").hasSize(2).first().isEqualTo("sleep");
			long pause = Long.parseLong(String.valueOf(preStop.get(1)));
			Object grace = at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
			assertThat(((Number) grace).longValue()).as(application + " terminationGracePeriodSeconds")
				.isGreaterThan(pause + shutdown.toSeconds());
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyEnvironmentVariableIsOneTheApplicationReads(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		for (String application : APPLICATIONS) {
			ApplicationSettings settings = SETTINGS.get(application);
			Map<String, Object> deployment = rendered.named("Deployment", application);
			assertThat(at(deployment, "spec", "template", "spec", "enableServiceLinks"))
				.as(application + " without Kubernetes' Docker-link variables")
				.isEqualTo(false);
			Map<String, String> environment = environment(rendered, container(deployment));
			assertThat(environment.keySet()).as(application).allMatch(settings::reads, "is read by " + application);
			String profiles = environment.get("SPRING_PROFILES_ACTIVE");
			if (profiles != null) {
				assertThat(profiles.split(",")).as(application + " profiles").allMatch(settings::hasProfile);
			}
		}
	}

	@Test
	void readVariablesFollowSpringBootsRelaxedBinding() {
		ApplicationSettings assessment = SETTINGS.get("assessment-service");
		assertThat(Stream.of("ASSESSMENT_DB_URL", "SMTP_HOST", "ASSESSMENT_PRIVACY_RETENTION",
				"ASSESSMENT_NOTIFICATIONS_SALES_INBOX", "ASSESSMENT_COST_ASSUMPTIONS_REFRESH", "SPRING_DATASOURCE_URL",
				"SERVER_PORT", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS"))
			.allMatch(assessment::reads);
		assertThat(Stream.of("ASSESSMENT_PRIVACY_RETENTON", "ASSESSMENT_PRIVACY", "CONTENT_DB_URL",
				"GATEWAY_TOKEN_PRIVATE_KEY", "SERVER_SHUTDOWN_TIMEOUT"))
			.noneMatch(assessment::reads);
		ApplicationSettings gateway = SETTINGS.get(GATEWAY);
		assertThat(Stream.of("GATEWAY_ASSESSMENT_CONTACT_STEP", "GATEWAY_ASSESSMENT_CONTACTSTEP",
				"GATEWAY_STAFF_SSO_ROLEMAPPING_NORTHBEAM", "GATEWAY_SERVICES_CONTENT_READTIMEOUT"))
			.allMatch(gateway::reads);
		assertThat(gateway.reads("ASSESSMENT_DB_URL")).isFalse();
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void urlsBetweenComponentsNameRenderedServicesOnTheirPorts(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		for (String application : APPLICATIONS) {
			Map<String, String> environment = environment(rendered,
					container(rendered.named("Deployment", application)));
			assertThat(SETTINGS.get(application).property("spring.datasource.url", environment))
				.as(application + " database")
				.startsWith("jdbc:postgresql://");
			environment.forEach((variable, value) -> {
				Matcher url = URL.matcher(String.valueOf(value));
				if (value == null || !url.find()) {
					return;
				}
				String host = url.group(1);
				assertThat(host).as("%s %s", application, variable).isNotEqualTo("localhost");
				if (host.contains(".")) {
					return; // outside the cluster, e.g. an external PostgreSQL
				}
				assertThat(servicePorts(rendered, host)).as("%s %s names a Service on its port", application, variable)
					.contains(Integer.valueOf(url.group(2)));
			});
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void onlyTheGatewayIsReachableFromOutside(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		assertThat(rendered.ofKind("Ingress")).isNotEmpty();
		for (Map<String, Object> ingress : rendered.ofKind("Ingress")) {
			List<Object> backends = new ArrayList<>();
			if (at(ingress, "spec", "defaultBackend") != null) {
				backends.add(at(ingress, "spec", "defaultBackend"));
			}
			for (Object rule : list(at(ingress, "spec", "rules"))) {
				list(at(rule, "http", "paths")).forEach((path) -> backends.add(at(path, "backend")));
			}
			assertThat(backends).isNotEmpty();
			for (Object backend : backends) {
				assertThat(at(backend, "service", "name")).as(name(ingress) + " backend").isEqualTo(GATEWAY);
				Map<String, Object> servicePort = map(at(backend, "service", "port"));
				Object port = servicePort.containsKey("name") ? servicePort.get("name") : servicePort.get("number");
				assertThat(list(at(rendered.named("Service", GATEWAY), "spec", "ports")))
					.anyMatch((declared) -> port.equals(at(declared, "name")) || port.equals(at(declared, "port")));
			}
		}
		for (Map<String, Object> service : rendered.ofKind("Service")) {
			assertThat(at(service, "spec", "type")).as(name(service) + " type").isIn(null, "ClusterIP", "ExternalName");
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void networkPoliciesAdmitOnlyTheGatewayAndTheMetricsScraperToTheServices(String kustomization) {
		RenderedManifests rendered = rendered(kustomization);
		List<Map<String, Object>> policies = rendered.ofKind("NetworkPolicy");
		assertThat(policies).as("a default deny")
			.anyMatch((policy) -> map(at(policy, "spec", "podSelector")).isEmpty()
					&& list(at(policy, "spec", "policyTypes")).contains("Ingress")
					&& list(at(policy, "spec", "ingress")).isEmpty());

		Map<String, Object> gateway = rendered.named("Deployment", GATEWAY);
		Object gatewayPort = containerPort(container(gateway), "http");
		Map<String, Object> gatewayLabels = podLabels(gateway);
		assertThat(rulesFor(policies, gatewayLabels)).as("the gateway is open on its port")
			.anyMatch((rule) -> list(at(rule, "from")).isEmpty() && ports(rule).contains(gatewayPort));

		for (String application : APPLICATIONS) {
			if (application.equals(GATEWAY)) {
				continue;
			}
			Map<String, Object> deployment = rendered.named("Deployment", application);
			Object port = containerPort(container(deployment), "http");
			Object managementPort = containerPort(container(deployment), "management");
			List<Object> rules = rulesFor(policies, podLabels(deployment));
			assertThat(rules).as(application + " admits the gateway")
				.anyMatch((rule) -> list(at(rule, "from")).stream()
					.anyMatch((peer) -> at(peer, "namespaceSelector") == null
							&& selects(at(peer, "podSelector", "matchLabels"), gatewayLabels)));
			for (Object rule : rules) {
				assertThat(ports(rule)).as(application + " ports").isNotEmpty().isSubsetOf(port, managementPort);
				if (ports(rule).contains(managementPort)) {
					assertThat(list(at(rule, "from"))).as(application + " management port admits only the scraper")
						.noneMatch((peer) -> at(peer, "namespaceSelector") == null
								&& selects(at(peer, "podSelector", "matchLabels"), gatewayLabels));
				}
				assertThat(list(at(rule, "from"))).as(application + " admits only named peers")
					.isNotEmpty()
					.allMatch((peer) -> isGatewayOrScraper(peer, gatewayLabels),
							"is the gateway, or the metrics scraper's pods in its namespace");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void imagesArePinned(String kustomization) {
		for (Map<String, Object> deployment : rendered(kustomization).ofKind("Deployment")) {
			for (Object container : list(at(deployment, "spec", "template", "spec", "containers"))) {
				assertThat((String) at(container, "image")).as(name(deployment))
					.matches(".+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})")
					.doesNotEndWith(":latest");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everySecretReferencedIsCreatedAsTheReadmeShows(String kustomization) throws IOException {
		RenderedManifests rendered = rendered(kustomization);
		Map<String, String> documented = documentedSecrets();
		for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
			for (Object variable : list(at(container(deployment), "env"))) {
				Object secret = at(variable, "valueFrom", "secretKeyRef");
				if (secret != null) {
					assertThat(documented).as("%s reads %s", name(deployment), at(variable, "name"))
						.containsKey((String) at(secret, "name"));
					assertThat(documented.get((String) at(secret, "name"))).as("key " + at(secret, "key"))
						.containsAnyOf("--from-literal=" + at(secret, "key") + "=",
								"--from-file=" + at(secret, "key") + "=");
				}
			}
		}
		for (Map<String, Object> cluster : rendered.ofKind("Cluster")) {
			for (Object role : list(at(cluster, "spec", "managed", "roles"))) {
				String secret = (String) at(role, "passwordSecret", "name");
				assertThat(documented).as("role " + at(role, "name")).containsKey(secret);
				assertThat(documented.get(secret)).contains("--type=kubernetes.io/basic-auth",
						"--from-literal=username=" + at(role, "name") + " ", "--from-literal=password=");
			}
		}
		for (Map<String, Object> ingress : rendered.ofKind("Ingress")) {
			for (Object tls : list(at(ingress, "spec", "tls"))) {
				assertThat(documented).containsKey((String) at(tls, "secretName"));
			}
		}
	}

	private static RenderedManifests rendered(String kustomization) {
		return RENDERED.computeIfAbsent(kustomization, (path) -> RenderedManifests.render(MANIFESTS.resolve(path)));
	}

	/**
	 * The {@code kubectl create secret} commands in deploy/kubernetes/README.md, by name.
	 */
	private static Map<String, String> documentedSecrets() throws IOException {
		String readme = Files.readString(MANIFESTS.resolve("README.md")).replace("\\\n", " ");
		Matcher command = Pattern.compile("create secret (?:generic|tls) ([a-z0-9-]+)(.*)").matcher(readme);
		Map<String, String> secrets = new LinkedHashMap<>();
		while (command.find()) {
			secrets.put(command.group(1), command.group(2).replaceAll("\\s+", " ") + " ");
		}
		return secrets;
	}

	/**
	 * The variables a container gets, with ConfigMap values ({@code null} for secrets).
	 */
	private static Map<String, String> environment(RenderedManifests rendered, Map<String, Object> container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object source : list(container.get("envFrom"))) {
			assertThat(map(source)).as("variables are named one by one or come from a ConfigMap")
				.containsOnlyKeys("configMapRef");
			map(rendered.named("ConfigMap", (String) at(source, "configMapRef", "name")).get("data"))
				.forEach((key, value) -> environment.put(key, String.valueOf(value)));
		}
		for (Object variable : list(container.get("env"))) {
			Object value = at(variable, "value");
			environment.put((String) at(variable, "name"), (value != null) ? String.valueOf(value) : null);
		}
		return environment;
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
		assertThat(containers).as(name(deployment) + " containers").hasSize(1);
		return map(containers.get(0));
	}

	private static Map<String, Object> podLabels(Map<String, Object> deployment) {
		return map(at(deployment, "spec", "template", "metadata", "labels"));
	}

	/** A container port by name or number, as a number; {@code null} if it has none. */
	private static Object containerPort(Map<String, Object> container, Object port) {
		return list(container.get("ports")).stream()
			.filter((declared) -> port.equals(at(declared, "name")) || port.equals(at(declared, "containerPort")))
			.map((declared) -> at(declared, "containerPort"))
			.findFirst()
			.orElse(null);
	}

	private static List<Object> servicePorts(RenderedManifests rendered, String host) {
		if (rendered.has("Service", host)) {
			return list(at(rendered.named("Service", host), "spec", "ports")).stream()
				.map((port) -> at(port, "port"))
				.toList();
		}
		// CloudNativePG makes <cluster>-rw, -ro and -r Services for each Cluster.
		boolean databaseService = rendered.ofKind("Cluster")
			.stream()
			.anyMatch((cluster) -> host.matches(Pattern.quote(name(cluster)) + "-(rw|ro|r)"));
		return databaseService ? List.of(5432) : List.of();
	}

	/** The ingress rules of every policy that applies to pods with these labels. */
	private static List<Object> rulesFor(List<Map<String, Object>> policies, Map<String, Object> podLabels) {
		return policies.stream()
			.filter((policy) -> map(at(policy, "spec", "podSelector")).isEmpty()
					|| selects(at(policy, "spec", "podSelector", "matchLabels"), podLabels))
			.flatMap((policy) -> list(at(policy, "spec", "ingress")).stream())
			.toList();
	}

	/**
	 * The gateway's pods in the same namespace, or (the metrics scraper) pods named by
	 * label in a namespace named by label; never addresses.
	 */
	private static boolean isGatewayOrScraper(Object peer, Map<String, Object> gatewayLabels) {
		if (at(peer, "ipBlock") != null) {
			return false;
		}
		if (at(peer, "namespaceSelector") == null) {
			return selects(at(peer, "podSelector", "matchLabels"), gatewayLabels);
		}
		return !map(at(peer, "namespaceSelector", "matchLabels")).isEmpty()
				&& !map(at(peer, "podSelector", "matchLabels")).isEmpty();
	}

	private static List<Object> ports(Object rule) {
		return list(at(rule, "ports")).stream().map((port) -> at(port, "port")).toList();
	}

	private static boolean selects(Object matchLabels, Map<String, Object> labels) {
		Map<String, Object> selector = map(matchLabels);
		return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

}
