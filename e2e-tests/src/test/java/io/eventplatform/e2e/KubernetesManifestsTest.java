package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * infra/k8s cannot be applied without a cluster, so this keeps it honest the way ComposeFileTest keeps the compose
 * file: it parses, and it agrees with the services' own configuration (ports, health groups, variables, images).
 */
class KubernetesManifestsTest {

    static final Path K8S = ComposeFileTest.ROOT.resolve("infra/k8s");
    static final List<String> APPS = List.of("identity-service", "room-service", "prize-service", "gateway");
    /** The dev stack's provider is never offered on a cluster: identity-service's two settings for it stay unset. */
    static final Set<String> DEV_ONLY = Set.of("DEV_OIDC_CLIENT_ID", "OIDC_ISSUER_URI");

    final List<Map<String, Object>> resources = base();

    @Test
    @SuppressWarnings("unchecked")
    void theKustomizationListsEveryFileOfTheBase() throws IOException {
        Map<String, Object> kustomization = yaml(K8S.resolve("base/kustomization.yaml"));
        try (Stream<Path> files = Files.list(K8S.resolve("base"))) {
            assertThat((List<String>) kustomization.get("resources")).containsExactlyInAnyOrderElementsOf(files
                    .map(file -> file.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml")).toList());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachAppRunsWithProbesOfHealthGroupsThatExistAMemoryLimitAServiceAndADisruptionBudget() throws IOException {
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve("platform-support/src/main/resources/platform-defaults.properties")))
                .contains("management.endpoint.health.group.liveness.include", "management.endpoint.health.group.readiness.include");
        assertThat(applicationYml("gateway")).contains("liveness:", "readiness:");
        for (String app : APPS) {
            Map<String, Object> container = container(app);
            String port = defaultOf(app, "SERVER_PORT");
            assertThat(String.valueOf(container.get("ports"))).as(app).contains("containerPort=" + port);
            assertThat(String.valueOf(container.get("livenessProbe"))).as(app).contains("path=/actuator/health/liveness");
            assertThat(String.valueOf(container.get("readinessProbe"))).as(app).contains("path=/actuator/health/readiness");
            assertThat(String.valueOf(container.get("resources"))).as(app).matches(".*limits=\\{memory=\\d+Mi}.*");
            assertThat(String.valueOf(spec(resource("Deployment", app)).get("template"))).contains("runAsNonRoot=true");
            assertThat(String.valueOf(spec(resource("Service", app)).get("ports"))).as(app).contains("port=" + port);
            assertThat(spec(resource("PodDisruptionBudget", app))).containsEntry("minAvailable", 1)
                    .containsEntry("selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", app)));
            assertThat(resource("Service", app).get("spec")).as(app + " stays inside the cluster")
                    .extracting(spec -> ((Map<String, Object>) spec).get("type")).isNull();
        }
    }

    @Test
    void eachAppGetsEveryVariableItsConfigurationReadsAndNoUnknownOne() throws IOException {
        Set<String> shared = ComposeFileTest.variables(Files.readString(
                ComposeFileTest.ROOT.resolve("platform-support/src/main/resources/platform-defaults.properties")));
        for (String app : APPS) {
            Set<String> own = ComposeFileTest.variables(applicationYml(app));
            own.removeAll(app.equals("identity-service") ? DEV_ONLY : Set.of());
            Set<String> readable = new TreeSet<>(own);
            if (!app.equals("gateway")) {
                readable.addAll(shared);
            }
            readable.add("SPRING_PROFILES_ACTIVE");
            Set<String> given = variables(container(app));
            assertThat(given).as(app + ": every variable it is given is read").isSubsetOf(readable);
            assertThat(given).as(app + ": every variable of its application.yml is given").containsAll(own);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMigrationJobPerServiceRunsTheServicesImageWithItsSettings() {
        for (String database : List.of("identity", "room", "prize")) {
            Map<String, Object> job = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) spec(
                    resource("Job", "migrate-" + database)).get("template")).get("spec")).get("containers")).get(0);
            Map<String, Object> service = container(database + "-service");
            assertThat(job.get("image")).isEqualTo(service.get("image"));
            assertThat((List<String>) job.get("args")).containsExactly("--platform.db.command=migrate");
            assertThat(job.get("envFrom")).isEqualTo(service.get("envFrom"));
        }
        assertThat(configMap("platform-shared")).containsEntry("PLATFORM_DB_MIGRATE_AT_START", "false")
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
    }

    @Test
    void theGatewayIsTheOnlyWayIn() {
        List<Map<String, Object>> ingresses = resources.stream().filter(resource -> "Ingress".equals(resource.get("kind"))).toList();
        assertThat(ingresses).hasSize(1);
        assertThat(String.valueOf(spec(ingresses.get(0)).get("rules"))).contains("name=gateway").doesNotContain("-service");
        assertThat(configMap("gateway-config")).containsEntry("IDENTITY_URL", "http://identity-service:" + defaultOrFail("identity-service"))
                .containsEntry("ROOM_URL", "http://room-service:" + defaultOrFail("room-service"))
                .containsEntry("PRIZE_URL", "http://prize-service:" + defaultOrFail("prize-service"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLocalOverlayTagsEveryImageAndMakesEverySecretFromAFileKeptOutOfGit() throws IOException {
        Map<String, Object> overlay = yaml(K8S.resolve("overlays/local/kustomization.yaml"));
        assertThat(((List<Map<String, Object>>) overlay.get("images")).stream().map(image -> image.get("name")))
                .containsExactlyInAnyOrderElementsOf(APPS.stream().map(app -> container(app).get("image")).toList());
        for (Map<String, Object> secret : (List<Map<String, Object>>) overlay.get("secretGenerator")) {
            String file = ((List<String>) secret.get("envs")).get(0);
            assertThat(K8S.resolve("overlays/local").resolve(file + ".example")).exists();
            assertThat(APPS.stream().map(app -> app + "-secrets")).contains((String) secret.get("name"));
        }
        assertThat(Files.readAllLines(ComposeFileTest.ROOT.resolve(".gitignore"))).contains("infra/k8s/overlays/*/secrets/*.env");
    }

    /** Names the container is given: its env entries, the keys of its ConfigMaps, the keys of its Secrets' examples. */
    @SuppressWarnings("unchecked")
    private Set<String> variables(Map<String, Object> container) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> env : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            names.add((String) env.get("name"));
        }
        for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            if (from.containsKey("configMapRef")) {
                names.addAll(configMap((String) ((Map<String, Object>) from.get("configMapRef")).get("name")).keySet());
            } else {
                String secret = (String) ((Map<String, Object>) from.get("secretRef")).get("name");
                Path example = K8S.resolve("overlays/local/secrets").resolve(secret.replace("-secrets", "") + ".env.example");
                for (String line : Files.readAllLines(example)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        names.add(line.substring(0, line.indexOf('=')));
                    }
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> container(String app) {
        Map<String, Object> template = (Map<String, Object>) spec(resource("Deployment", app)).get("template");
        return ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> configMap(String name) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) resource("ConfigMap", name).get("data")).forEach((key, value) -> data.put(key, String.valueOf(value)));
        return data;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resource(String kind, String name) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))
                        && name.equals(((Map<String, Object>) resource.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("spec");
    }

    private static String defaultOf(String app, String variable) throws IOException {
        Matcher matcher = java.util.regex.Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(applicationYml(app));
        assertThat(matcher.find()).as(app + " reads " + variable).isTrue();
        return matcher.group(1);
    }

    private static String defaultOrFail(String app) {
        try {
            return defaultOf(app, "SERVER_PORT");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String applicationYml(String app) throws IOException {
        return Files.readString(ComposeFileTest.ROOT.resolve(app).resolve("src/main/resources/application.yml"));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> base() {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S.resolve("base"))) {
            for (Path file : files.filter(path -> !path.endsWith("kustomization.yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    all.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }
}
