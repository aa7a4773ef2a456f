package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.devstack.ServiceDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on machines without a Docker engine, so this keeps it honest instead: it parses,
 * and it agrees with the services' own configuration (names, ports, databases, roles, environment variables).
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    static final Map<String, String> APPS = Map.of(
            "identity-service", "identity-service", "room-service", "room-service",
            "prize-service", "prize-service", "gateway", "gateway");

    final Map<String, Object> compose = load();

    @Test
    void hasTheWholePlatform() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "kafka", "oidc", "redis",
                "identity-service", "room-service", "prize-service", "gateway");
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
        services().forEach((name, service) -> {
            assertThat(service).as(name + " health check").containsKey("healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                map(dependsOn).forEach((dependency, condition) -> assertThat(map(condition))
                        .as(name + " -> " + dependency).containsEntry("condition", "service_healthy"));
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaWritesItsLogOntoItsVolume() {
        String logDirs = String.valueOf(environment("kafka").get("KAFKA_LOG_DIRS"));
        List<Object> volumes = (List<Object>) services().get("kafka").get("volumes");
        assertThat(volumes).as("the kafka-data volume is mounted where the broker writes its log")
                .contains("kafka-data:" + logDirs);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayPublishesAPort() {
        services().forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat((List<Object>) service.get("ports")).containsExactly("${GATEWAY_PUBLISHED_PORT:-8080}:8080");
            } else {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
    }

    @Test
    void eachAppGetsEveryVariableItsConfigurationReadsAndNoUnknownOne() throws IOException {
        String sharedDefaults = Files.readString(ROOT.resolve("platform-support/src/main/resources/platform-defaults.properties"));
        for (String app : APPS.keySet()) {
            Set<String> own = variablesIn(applicationYml(app));
            Set<String> all = new TreeSet<>(own);
            if (!app.equals("gateway")) {
                all.addAll(variablesIn(sharedDefaults));
            }
            Set<String> set = new TreeSet<>(environment(app).keySet());
            assertThat(set).as(app + ": every variable compose sets is read").isSubsetOf(all);
            assertThat(set).as(app + ": every variable of its application.yml is set").containsAll(own);
        }
        for (String service : List.of("identity-service", "room-service", "prize-service")) {
            assertThat(environment(service)).containsKeys("JWKS_URI", "TOKEN_ISSUER", "KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @Test
    void portsInComposeAreThePortsTheServicesListenOn() throws IOException {
        for (String app : APPS.keySet()) {
            String port = defaultOf(app, "SERVER_PORT");
            assertThat(environment(app)).as(app).containsEntry("SERVER_PORT", port);
            assertThat(String.valueOf(services().get(app).get("healthcheck"))).contains("localhost:" + port + "/actuator/health");
        }
        Map<String, Object> gateway = environment("gateway");
        assertThat(gateway).containsEntry("IDENTITY_URL", "http://identity-service:" + defaultOf("identity-service", "SERVER_PORT"))
                .containsEntry("ROOM_URL", "http://room-service:" + defaultOf("room-service", "SERVER_PORT"))
                .containsEntry("PRIZE_URL", "http://prize-service:" + defaultOf("prize-service", "SERVER_PORT"));
    }

    @Test
    void eachServiceUsesItsOwnDatabaseAndRoleAsTheInitScriptCreatesThem() throws IOException {
        String init = Files.readString(ROOT.resolve("infra/postgres/init/01-service-databases.sh"));
        for (ServiceDatabases db : ServiceDatabases.ALL) {
            Map<String, Object> env = environment(db.service());
            assertThat(env).containsEntry("DB_URL", "jdbc:postgresql://postgres:5432/" + db.database())
                    .containsEntry("DB_USER", db.role());
            assertThat(init).contains("create " + db.database() + " " + db.role() + " ");
            assertThat(defaultOf(db.service(), "DB_URL")).endsWith("/" + db.database());
            assertThat(defaultOf(db.service(), "DB_USER")).isEqualTo(db.role());
        }
    }

    @Test
    void envExampleDefinesEveryVariableTheComposeFileUses() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        Set<String> defined = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                defined.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertThat(defined).isEqualTo(used);
    }

    @Test
    void theRealEnvFileIsNeverCommitted() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    private static Set<String> variablesIn(String configuration) {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(configuration);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The local default the app's configuration gives a variable: {@code ${NAME:default}}. */
    private String defaultOf(String app, String variable) throws IOException {
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(applicationYml(app));
        assertThat(matcher.find()).as(app + " reads " + variable).isTrue();
        return matcher.group(1);
    }

    private String applicationYml(String app) throws IOException {
        return Files.readString(ROOT.resolve(APPS.get(app)).resolve("src/main/resources/application.yml"));
    }

    private Map<String, Object> environment(String service) {
        return map(services().get(service).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) value).forEach((key, item) -> result.put(key, item instanceof Integer number ? number.toString() : item));
        return result;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
