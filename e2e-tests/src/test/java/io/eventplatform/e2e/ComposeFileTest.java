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

    static final List<String> DOMAIN = List.of("identity", "room", "prize");

    @Test
    void hasTheWholePlatform() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "kafka", "oidc", "redis",
                "identity-service", "room-service", "prize-service", "gateway", "migrate-identity", "migrate-room",
                "migrate-prize", "seed-identity", "seed-room", "seed-prize", "prometheus", "jaeger", "grafana");
    }

    @Test
    void everyLastingServiceHasAHealthCheckAndWaitsForHealthyDependenciesOrFinishedOneShots() {
        services().forEach((name, service) -> {
            boolean once = "no".equals(String.valueOf(service.get("restart")));
            if (!once) {
                assertThat(service).as(name + " health check").containsKey("healthcheck");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                map(dependsOn).forEach((dependency, condition) -> assertThat(map(condition)).as(name + " -> " + dependency)
                        .containsEntry("condition", "no".equals(String.valueOf(services().get(dependency).get("restart")))
                                ? "service_completed_successfully" : "service_healthy"));
            }
        });
    }

    @Test
    void theServicesRunWithTheProdProfileAndRequireTheirSigningKeys() {
        for (String app : APPS.keySet()) {
            assertThat(environment(app)).as(app).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            assertThat(environment(app).keySet()).as(app + ": no dev login").doesNotContain("DEV_LOGIN_ENABLED");
        }
        assertThat(String.valueOf(environment("identity-service").get("TOKEN_SIGNING_KEY"))).startsWith("${TOKEN_SIGNING_KEY:?");
        assertThat(String.valueOf(environment("prize-service").get("WEBHOOK_SIGNING_KEY"))).startsWith("${WEBHOOK_SIGNING_KEY:?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDevProviderAndTheDemoDataExistInTheDevProfileOnly() {
        Set<String> observability = Set.of("prometheus", "jaeger", "grafana");
        services().forEach((name, service) -> {
            boolean dev = name.equals("oidc") || name.startsWith("seed-");
            assertThat((List<Object>) service.get("profiles")).as(name)
                    .isEqualTo(dev ? List.of("dev") : observability.contains(name) ? List.of("observability") : null);
        });
        assertThat(map(map(services().get("identity-service").get("depends_on")).get("oidc")))
                .as("identity-service starts without the dev provider").containsEntry("required", false);
        assertThat(environment("identity-service")).containsEntry("DEV_OIDC_CLIENT_ID", "${DEV_OIDC_CLIENT_ID:-}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemasAreMigratedOnceWithTheServicesOwnJarsBeforeTheServicesStart() {
        for (String domain : DOMAIN) {
            Map<String, Object> migrate = services().get("migrate-" + domain);
            Map<String, Object> service = services().get(domain + "-service");
            assertThat(migrate.get("image")).as(domain).isEqualTo(service.get("image"));
            assertThat((List<Object>) migrate.get("command")).containsExactly("--platform.db.command=migrate");
            assertThat(environment("migrate-" + domain)).as(domain + ": the service's own settings (its prod checks too)")
                    .isEqualTo(environment(domain + "-service"));
            assertThat(environment(domain + "-service")).containsEntry("PLATFORM_DB_MIGRATE_AT_START", "false");
            assertThat(map(map(service.get("depends_on")).get("migrate-" + domain)))
                    .containsEntry("condition", "service_completed_successfully");
            Map<String, Object> seed = services().get("seed-" + domain);
            assertThat(seed.get("image")).isEqualTo(service.get("image"));
            assertThat((List<Object>) seed.get("command")).contains("--platform.seed=true");
            assertThat(environment("seed-" + domain)).isEqualTo(environment(domain + "-service"));
        }
    }

    @Test
    void everyContainerHasAMemoryLimitAndTheJavaHeapsFitThem() throws IOException {
        services().forEach((name, service) -> assertThat(String.valueOf(service.get("deploy")))
                .as(name).matches(".*limits=\\{memory=\\d+[MG]}.*"));
        String dockerfile = Files.readString(ROOT.resolve("infra/docker/Dockerfile"));
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=75");
        assertThat(String.valueOf(environment("kafka").get("KAFKA_HEAP_OPTS"))).contains("-Xmx768m");
        assertThat(String.valueOf(services().get("kafka").get("deploy"))).contains("memory=1280M");
        assertThat(String.valueOf(services().get("redis").get("command"))).contains("--maxmemory, 192mb");
    }

    @Test
    void imagesAreBuiltWithAMavenCacheThatOutlivesTheBuild() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("infra/docker/Dockerfile"));
        assertThat(dockerfile).startsWith("# syntax=docker/dockerfile:1").contains("RUN --mount=type=cache,target=/root/.m2 ./mvnw");
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
    void onlyTheGatewayPublishesAPortAndTheDevProviderAndTheObservabilityUisOnlyOnLoopback() {
        services().forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat((List<Object>) service.get("ports")).containsExactly("${GATEWAY_PUBLISHED_PORT:-8080}:8080");
            } else if (name.equals("oidc")) {
                assertThat((List<Object>) service.get("ports")).containsExactly("127.0.0.1:9090:9090");
            } else if (name.equals("grafana")) {
                assertThat((List<Object>) service.get("ports")).containsExactly("127.0.0.1:3000:3000");
            } else if (name.equals("jaeger")) {
                assertThat((List<Object>) service.get("ports")).containsExactly("127.0.0.1:16686:16686");
            } else {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
    }

    @Test
    void eachAppGetsEveryVariableItsConfigurationReadsAndNoUnknownOne() throws IOException {
        String sharedDefaults = Files.readString(ROOT.resolve("platform-support/src/main/resources/platform-defaults.properties"));
        for (String app : APPS.keySet()) {
            Set<String> own = variables(applicationYml(app));
            Set<String> all = new TreeSet<>(own);
            if (!app.equals("gateway")) {
                all.addAll(variables(sharedDefaults));
            }
            Set<String> set = new TreeSet<>(environment(app).keySet());
            set.remove("SPRING_PROFILES_ACTIVE"); // Spring Boot's own
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
    void everyAppLogsJsonAndSendsItsTracesToTheObservabilityProfilesTraceBackend() {
        for (String app : APPS.keySet()) {
            assertThat(environment(app)).as(app).containsEntry("LOG_FORMAT", "${LOG_FORMAT:-ecs}")
                    .containsEntry("TRACE_EXPORT", "${TRACE_EXPORT:-false}")
                    .containsEntry("OTLP_TRACES_ENDPOINT", "${OTLP_TRACES_ENDPOINT:-http://jaeger:4318/v1/traces}");
        }
        for (String part : List.of("prometheus", "jaeger", "grafana")) {
            assertThat(services().get(part).get("profiles")).as(part).isEqualTo(List.of("observability"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryAppOnItsPortWithTheOperatorToken() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("infra/observability/prometheus.yml")));
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat((List<Object>) services().get("prometheus").get("secrets")).containsExactly("operator-token");
        assertThat(map(job.get("authorization"))).containsEntry("type", "Bearer")
                .containsEntry("credentials_file", "/run/secrets/operator-token");
        assertThat(String.valueOf(compose.get("secrets"))).contains("operator-token={file=${OPERATOR_TOKEN_FILE:-./secrets/operator-token}}");
        Map<String, String> targets = new java.util.TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
            String target = ((List<String>) group.get("targets")).get(0);
            targets.put(map(group.get("labels")).get("service").toString(), target);
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        for (String app : APPS.keySet()) {
            expected.put(app, app + ":" + environment(app).get("SERVER_PORT"));
        }
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisionsTheDataSourcesAndTheDashboardItsPanelsName() throws IOException {
        Path grafana = ROOT.resolve("infra/observability/grafana");
        Map<String, Object> sources = new Yaml().load(Files.readString(grafana.resolve("provisioning/datasources/datasources.yml")));
        Map<String, String> urls = new java.util.TreeMap<>();
        for (Map<String, Object> source : (List<Map<String, Object>>) sources.get("datasources")) {
            urls.put(source.get("uid").toString(), source.get("url").toString());
        }
        assertThat(urls).containsEntry("prometheus", "http://prometheus:9090").containsEntry("jaeger", "http://jaeger:16686");
        Dashboard dashboard = Dashboard.load();
        assertThat(urls.keySet()).containsAll(dashboard.dataSourceUids());
        assertThat(dashboard.expressions()).hasSizeGreaterThanOrEqualTo(14);
        Map<String, Object> providers = new Yaml().load(Files.readString(grafana.resolve("provisioning/dashboards/dashboards.yml")));
        String path = map(map(((List<Object>) providers.get("providers")).get(0)).get("options")).get("path").toString();
        assertThat((List<Object>) services().get("grafana").get("volumes"))
                .contains("./infra/observability/grafana/dashboards:" + path + ":ro",
                        "./infra/observability/grafana/provisioning:/etc/grafana/provisioning:ro");
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

    static Set<String> variables(String configuration) {
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
