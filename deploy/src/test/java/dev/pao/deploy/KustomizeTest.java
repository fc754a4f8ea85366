package dev.pao.deploy;

import static dev.pao.deploy.Manifests.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders each overlay: what a cluster would
 * get, checked for the properties an operator relies on (probes, graceful stop, secrets by
 * reference only, disruption budget and autoscaler aimed at the Deployment, consistent labels, the
 * overlay's namespace).
 */
class KustomizeTest {
  private static final Set<String> BASE_KINDS =
      Set.of("Deployment", "Service", "ConfigMap", "PodDisruptionBudget");
  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN).*");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example", "overlays/example-hpa"})
  void rendersTheObjectsEveryEnvironmentNeeds(String kustomization) {
    Manifests manifests = Manifests.render(kustomization);
    assertTrue(Set.copyOf(manifests.kinds()).containsAll(BASE_KINDS), manifests.kinds().toString());
    assertTrue(manifests.ofKind("Secret").isEmpty(), "no Secret is kept in the repository");
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/example", "overlays/example-hpa"})
  void probesAskMicroProfileHealthOnTheHttpPort(String overlay) {
    Map<String, Object> container = container(Manifests.render(overlay));
    List<Map<String, Object>> ports = at(container, "ports");
    assertEquals("http", at(ports.get(0), "name"));
    assertEquals(9080, (int) at(ports.get(0), "containerPort"));
    Map<String, String> expected =
        Map.of(
            "startupProbe", "/health/started",
            "readinessProbe", "/health/ready",
            "livenessProbe", "/health/live");
    expected.forEach(
        (probe, path) -> {
          assertEquals(path, at(container, probe + ".httpGet.path"), probe);
          assertEquals("http", at(container, probe + ".httpGet.port"), probe);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/example", "overlays/example-hpa"})
  void stopsGracefullyAfterTheLoadBalancerLetGo(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    Map<String, Object> pod = podSpec(manifests);
    int grace = at(pod, "terminationGracePeriodSeconds");
    Map<String, Object> config = at(manifests.one("ConfigMap"), "data");
    int heartbeat = Integer.parseInt((String) config.get("PAO_REQUESTS_PROGRESS_EVERY_SECONDS"));
    int visibility = Integer.parseInt((String) config.get("PAO_QUEUE_VISIBILITY_TIMEOUT_SECONDS"));
    assertTrue(grace > Math.max(heartbeat, visibility), "grace period " + grace + " s");
    List<String> preStop = at(container(manifests), "lifecycle.preStop.exec.command");
    assertNotNull(preStop, "a preStop hook lets endpoints drop the pod before SIGTERM");
    int preStopSeconds = Integer.parseInt(preStop.get(preStop.size() - 1));
    assertTrue(preStopSeconds > 0 && preStopSeconds < grace - 60, "preStop " + preStop);
    int drain = Integer.parseInt((String) config.get("PAO_QUEUE_SHUTDOWN_GRACE_SECONDS"));
    // preStop, then the queue's drain, then Liberty's own stop (a few seconds) within the period.
    assertTrue(preStopSeconds + drain + 10 <= grace, "shutdown grace " + drain + " s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/example", "overlays/example-hpa"})
  void secretsComeOnlyFromSecretReferences(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    List<Map<String, Object>> env = at(container(manifests), "env");
    for (Map<String, Object> variable : env) {
      String name = (String) variable.get("name");
      assertFalse(variable.containsKey("value"), name + " has a plain value");
      assertNotNull(at(variable, "valueFrom.secretKeyRef.name"), name + " is a secret reference");
    }
    List<String> referenced = env.stream().map(v -> (String) v.get("name")).toList();
    assertTrue(
        referenced.containsAll(
            List.of("PAO_DB_PASSWORD", "PAO_DATA_KEY", "PAO_GITHUB_WEBHOOK_SECRET")),
        referenced.toString());
    Map<String, Object> config = at(manifests.one("ConfigMap"), "data");
    for (String key : config.keySet()) {
      assertFalse(SECRET_NAME.matcher(key).matches(), key + " belongs in the Secret");
    }
    List<Map<String, Object>> envFrom = at(container(manifests), "envFrom");
    assertEquals("pao-config", at(envFrom.get(0), "configMapRef.name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/example", "overlays/example-hpa"})
  void runsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    Map<String, Object> pod = podSpec(manifests);
    Map<String, Object> container = container(manifests);
    assertEquals(Boolean.TRUE, at(pod, "securityContext.runAsNonRoot"));
    assertEquals(1001, (int) at(pod, "securityContext.runAsUser"));
    assertEquals(Boolean.TRUE, at(container, "securityContext.readOnlyRootFilesystem"));
    assertEquals(Boolean.FALSE, at(container, "securityContext.allowPrivilegeEscalation"));
    List<Map<String, Object>> mounts = at(container, "volumeMounts");
    Set<String> writable =
        Set.copyOf(mounts.stream().map(m -> (String) m.get("mountPath")).toList());
    assertTrue(writable.containsAll(Set.of("/opt/ol/wlp/output", "/logs", "/tmp")), writable + "");
    List<Map<String, Object>> volumes = at(pod, "volumes");
    volumes.forEach(v -> assertTrue(v.containsKey("emptyDir"), v.get("name") + " is an emptyDir"));
    assertNotNull(at(container, "resources.requests.memory"));
    assertNotNull(at(container, "resources.limits.memory"));
    assertNotNull(at(container, "resources.requests.cpu"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/example", "overlays/example-hpa"})
  void serviceAndDisruptionBudgetSelectTheDeploymentsPods(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    Map<String, Object> deployment = manifests.one("Deployment");
    Map<String, Object> podLabels = at(deployment, "spec.template.metadata.labels");
    Map<String, Object> selector = at(deployment, "spec.selector.matchLabels");
    assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "Deployment selector");
    Map<String, Object> pdbSelector =
        at(manifests.one("PodDisruptionBudget"), "spec.selector.matchLabels");
    assertTrue(podLabels.entrySet().containsAll(pdbSelector.entrySet()), "PDB " + pdbSelector);
    assertFalse(pdbSelector.isEmpty());
    Map<String, Object> serviceSelector = at(manifests.one("Service"), "spec.selector");
    assertTrue(podLabels.entrySet().containsAll(serviceSelector.entrySet()), "Service selector");
    assertEquals(
        "http", at(((List<?>) at(manifests.one("Service"), "spec.ports")).get(0), "targetPort"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/example", "overlays/example-hpa"})
  void everyObjectCarriesTheLabelsAndTheNamespace(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    for (Map<String, Object> object : manifests.all()) {
      String what = object.get("kind") + " " + at(object, "metadata.name");
      Map<String, Object> labels = at(object, "metadata.labels");
      assertEquals("pao", labels.get("app.kubernetes.io/name"), what);
      assertEquals("server", labels.get("app.kubernetes.io/component"), what);
      assertEquals("0.1.0", labels.get("app.kubernetes.io/version"), what);
      assertEquals("pao-example", at(object, "metadata.namespace"), what);
    }
    assertEquals(
        "registry.example.com/platform/pao:0.1.0", at(container(manifests), "image"), "image");
  }

  @Test
  void theExampleScalesWithKedaOnTheActionQueue() {
    Manifests manifests = Manifests.render("overlays/example");
    assertTrue(manifests.ofKind("HorizontalPodAutoscaler").isEmpty(), "one autoscaler only");
    Map<String, Object> scaled = manifests.one("ScaledObject");
    assertEquals("Deployment", at(scaled, "spec.scaleTargetRef.kind"));
    assertEquals("pao", at(manifests.one("Deployment"), "metadata.name"));
    assertEquals("pao", at(scaled, "spec.scaleTargetRef.name"));
    assertEquals(2, (int) at(scaled, "spec.minReplicaCount"));
    List<Map<String, Object>> triggers = at(scaled, "spec.triggers");
    Map<String, Object> trigger = triggers.get(0);
    assertEquals("aws-sqs-queue", trigger.get("type"));
    assertEquals("PAO_QUEUE_URL", at(trigger, "metadata.queueURLFromEnv"));
    assertTrue(Integer.parseInt(at(trigger, "metadata.queueLength")) > 0);
    assertEquals("eu-west-1", at(trigger, "metadata.awsRegion"), "the queue's region");
    String auth = at(trigger, "authenticationRef.name");
    assertEquals(auth, at(manifests.one("TriggerAuthentication"), "metadata.name"));
    Map<String, Object> config = at(manifests.one("ConfigMap"), "data");
    assertTrue(((String) config.get("PAO_QUEUE_URL")).contains("eu-west-1"), "queue URL patched");
    assertEquals(3, (int) at(manifests.one("Deployment"), "spec.replicas"));
  }

  @Test
  void theHpaOverlayScalesOnCpuWithoutKeda() {
    Manifests manifests = Manifests.render("overlays/example-hpa");
    assertTrue(manifests.ofKind("ScaledObject").isEmpty(), "one autoscaler only");
    Map<String, Object> hpa = manifests.one("HorizontalPodAutoscaler");
    assertEquals("autoscaling/v2", hpa.get("apiVersion"));
    assertEquals("Deployment", at(hpa, "spec.scaleTargetRef.kind"));
    assertEquals("pao", at(manifests.one("Deployment"), "metadata.name"));
    assertEquals("pao", at(hpa, "spec.scaleTargetRef.name"));
    assertEquals(2, (int) at(hpa, "spec.minReplicas"));
    List<Map<String, Object>> metrics = at(hpa, "spec.metrics");
    Map<String, Object> metric = metrics.get(0);
    assertEquals("cpu", at(metric, "resource.name"));
  }

  private static Map<String, Object> podSpec(Manifests manifests) {
    return at(manifests.one("Deployment"), "spec.template.spec");
  }

  private static Map<String, Object> container(Manifests manifests) {
    List<Map<String, Object>> containers = at(podSpec(manifests), "containers");
    assertEquals(1, containers.size(), "one container");
    return containers.get(0);
  }
}
