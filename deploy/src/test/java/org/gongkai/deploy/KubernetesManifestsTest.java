package org.gongkai.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes manifests cannot be applied here (no cluster), so they are validated offline: rendered with
 * {@code kubectl kustomize}, read into fabric8's typed Kubernetes model (generated from the Kubernetes OpenAPI
 * schema) with no field left over that the schema does not know, and checked for what a cluster would only reveal
 * at run time: dangling references, probes, resources, selectors that select nothing.
 */
class KubernetesManifestsTest {

    private static final List<String> APPS = List.of("catalogue-service", "publication-service", "consultation-service",
            "reporting-service", "portal", "gateway");
    private static List<HasMetadata> objects;

    @BeforeAll
    static void render() throws Exception {
        Path overlay = Path.of("kubernetes", "overlays", "local").toAbsolutePath();
        assertThat(overlay).isDirectory();
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor=LoadRestrictionsNone", overlay.toString())
                    .redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the manifests (Debian: apt-get install kubernetes-client)", e);
        }
        byte[] yaml = kubectl.getInputStream().readAllBytes();
        String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize: " + errors).isZero();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "rendered-local.yaml"), yaml);
        Object parsed = new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml));
        objects = parsed instanceof List<?> list
                ? list.stream().map(HasMetadata.class::cast).toList()
                : List.of((HasMetadata) parsed);
    }

    @Test
    void everyObjectReadsIntoTheTypedModelWithoutUnknownFields() {
        assertThat(objects).hasSizeGreaterThan(40);
        List<String> unknown = new ArrayList<>();
        for (HasMetadata object : objects) {
            assertThat(object).as(object.getKind() + " " + object.getMetadata().getName())
                    .isNotInstanceOf(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
            collectUnknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), unknown,
                    new IdentityHashMap<>());
        }
        assertThat(unknown).as("fields the Kubernetes schema does not know (typos, wrong nesting)").isEmpty();
    }

    @Test
    void everyAppHasProbesResourcesAServiceAndADisruptionBudget() {
        for (String app : APPS) {
            Deployment deployment = named(Deployment.class, app);
            // every app runs twice: jobs are locked, outbox relays lease, competing consumers stay correct, and the
            // portal's sessions live in Redis
            assertThat(deployment.getSpec().getReplicas()).as(app + " replicas").isEqualTo(2);
            if (app.equals("portal")) {
                assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                        .as("a second portal replica needs the sessions shared")
                        .anyMatch(env -> env.getName().equals("GONGKAI_PORTAL_SESSION_STORE") && "redis".equals(env.getValue()));
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(selects(named(Service.class, app).getSpec().getSelector(), deployment.getSpec().getTemplate()))
                    .as(app + " service selects its pods").isTrue();
            PodDisruptionBudget budget = named(PodDisruptionBudget.class, app);
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as("a drain may take one pod at a time").isEqualTo(1);
            assertThat(selects(budget.getSpec().getSelector().getMatchLabels(),
                    deployment.getSpec().getTemplate())).as(app + " disruption budget").isTrue();
        }
    }

    @Test
    void theGatewayAndConsultationServiceScaleWithLoad() {
        Set<String> scaled = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast)
                .peek(hpa -> assertThat(named(Deployment.class, hpa.getSpec().getScaleTargetRef().getName())).isNotNull())
                .map(hpa -> hpa.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet());
        assertThat(scaled).containsExactlyInAnyOrder("gateway", "consultation-service");
    }

    @Test
    void brokerAndDatabaseAreReplicatedAndQueuesAreQuorumQueues() {
        assertThat(named(StatefulSet.class, "rabbitmq").getSpec().getReplicas()).isEqualTo(3);
        assertThat(named(StatefulSet.class, "mongodb").getSpec().getReplicas()).isEqualTo(3);
        assertThat(named(ConfigMap.class, "gongkai-apps").getData()).containsEntry("GONGKAI_QUORUM_QUEUES", "true");
        Secret mongo = named(Secret.class, "gongkai-mongodb");
        Map<String, String> uris = mongo.getData() != null ? decoded(mongo.getData()) : mongo.getStringData();
        assertThat(uris.values()).allSatisfy(uri -> assertThat(uri).contains("replicaSet=rs0").contains("w=majority")
                .contains("journal=true"));
    }

    @Test
    void gatewayReplicasShareTheirRateLimitsInRedis() {
        Container gateway = named(Deployment.class, "gateway").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(gateway.getEnv()).filteredOn(env -> env.getName().equals("GONGKAI_GATEWAY_RATE_LIMIT_STORE"))
                .extracting(EnvVar::getValue).containsExactly("redis");
        String host = named(ConfigMap.class, "gongkai-apps").getData().get("SPRING_DATA_REDIS_HOST");
        assertThat(host).isEqualTo("redis");
        Service redis = named(Service.class, host);
        assertThat(redis.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getPort()).isEqualTo(6379));
        assertThat(selects(redis.getSpec().getSelector(), named(Deployment.class, "redis").getSpec().getTemplate()))
                .as("the redis service selects the redis pod").isTrue();
    }

    @Test
    void keycloakRunsInProductionModeWithItsOwnDatabase() {
        Container keycloak = named(Deployment.class, "keycloak").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(keycloak.getArgs()).contains("start").doesNotContain("start-dev");
        assertThat(keycloak.getEnv()).extracting(EnvVar::getName).contains("KC_DB", "KC_DB_URL", "KC_DB_PASSWORD");
        assertThat(keycloak.getEnv()).filteredOn(env -> env.getName().contains("PASSWORD"))
                .allSatisfy(env -> assertThat(env.getValueFrom().getSecretKeyRef()).as("passwords come from a Secret")
                        .isNotNull());
    }

    @Test
    void everyReferencedConfigMapSecretAndKeyExists() {
        List<String> dangling = new ArrayList<>();
        for (HasMetadata object : objects) {
            PodTemplateSpec template = template(object);
            if (template == null) {
                continue;
            }
            String where = object.getKind() + "/" + object.getMetadata().getName();
            for (Container container : template.getSpec().getContainers()) {
                for (EnvFromSource from : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                    if (from.getConfigMapRef() != null && find(ConfigMap.class, from.getConfigMapRef().getName()) == null) {
                        dangling.add(where + " envFrom ConfigMap " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && find(Secret.class, from.getSecretRef().getName()) == null) {
                        dangling.add(where + " envFrom Secret " + from.getSecretRef().getName());
                    }
                }
                for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        Secret secret = find(Secret.class, ref.getName());
                        if (secret == null || !secretKeys(secret).contains(ref.getKey())) {
                            dangling.add(where + " env " + env.getName() + " -> Secret " + ref.getName() + "/" + ref.getKey());
                        }
                    }
                }
            }
            for (Volume volume : Objects.requireNonNullElse(template.getSpec().getVolumes(), List.<Volume>of())) {
                if (volume.getConfigMap() != null && find(ConfigMap.class, volume.getConfigMap().getName()) == null) {
                    dangling.add(where + " volume ConfigMap " + volume.getConfigMap().getName());
                }
            }
        }
        assertThat(dangling).isEmpty();
        assertThat(find(ConfigMap.class, "keycloak-realm").getData()).containsKey("gongkai-realm.json");
    }

    @Test
    void everyServiceSelectsPods() {
        for (HasMetadata object : objects) {
            if (object instanceof Service service && service.getSpec().getSelector() != null) {
                boolean selectsSomething = objects.stream().map(KubernetesManifestsTest::template).filter(Objects::nonNull)
                        .anyMatch(template -> selects(service.getSpec().getSelector(), template));
                assertThat(selectsSomething).as("Service " + service.getMetadata().getName()).isTrue();
            }
        }
    }

    private static Set<String> secretKeys(Secret secret) {
        Set<String> keys = new java.util.HashSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    private static Map<String, String> decoded(Map<String, String> data) {
        return data.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new String(java.util.Base64.getMimeDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }

    private static PodTemplateSpec template(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return deployment.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet statefulSet) {
            return statefulSet.getSpec().getTemplate();
        }
        return null;
    }

    private static boolean selects(Map<String, String> selector, PodTemplateSpec template) {
        Map<String, String> labels = template.getMetadata().getLabels();
        return selector != null && !selector.isEmpty() && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }

    private static <T extends HasMetadata> T named(Class<T> type, String name) {
        T found = find(type, name);
        if (found == null) {
            fail("no " + type.getSimpleName() + " named " + name);
        }
        return found;
    }

    private static <T extends HasMetadata> T find(Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                // generated ConfigMaps and Secrets carry a content hash (name-7h2k9d5m8f); references are rewritten to it
                .filter(o -> o.getMetadata().getName().equals(name) || o.getMetadata().getName().matches(
                        java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElse(null);
    }

    /** Walks the typed object graph; fabric8 keeps every field its schema lacks in {@code additionalProperties}. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                collectUnknownFields(element, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown, seen));
            return;
        }
        if (!(node instanceof KubernetesResource)) {
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(node.getClass()).getPropertyDescriptors()) {
                Method getter = property.getReadMethod();
                if (getter == null || getter.getParameterCount() > 0 || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object value = getter.invoke(node);
                if ("additionalProperties".equals(property.getName())) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                    continue;
                }
                collectUnknownFields(value, path + "." + property.getName(), unknown, seen);
            }
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            throw new IllegalStateException(path, e);
        }
    }
}
