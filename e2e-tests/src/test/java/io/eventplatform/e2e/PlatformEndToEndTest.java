package io.eventplatform.e2e;

import io.eventplatform.devstack.StackConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.eventplatform.testing.LiveClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform, started by {@code ./platform run}, seen through the gateway: every service healthy, the
 * routing table (proven by the request id showing up in the log of the service that handled it), the 404 and
 * 503 envelopes, and a clean stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    static final List<String> SERVICES = List.of("identity-service", "room-service", "prize-service");

    @TempDir
    static Path dataDir;

    static RunningPlatform platform;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws IOException {
        platform = RunningPlatform.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theGatewayReportsEveryServiceUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        for (String component : List.of("identityService", "roomService", "prizeService")) {
            assertThat(health.get("components").get(component).get("status").asString()).as(component).isEqualTo("UP");
        }
    }

    @Test
    @Order(1)
    void everyServiceRunsFromItsExtractedJar() throws Exception {
        for (String service : List.of("gateway", "identity-service", "room-service", "prize-service")) {
            String commandLine = ProcessHandle.of(platform.pid(service)).orElseThrow().info().commandLine().orElseThrow();
            java.nio.file.Path extracted = platform.root.resolve(service).resolve("target").resolve(service + "-exec");
            assertThat(commandLine).as(service).contains("-jar " + extracted.resolve(service + "-exec.jar"));
            assertThat(extracted.resolve("lib")).as(service).isDirectoryContaining("glob:**/spring-core-*.jar");
        }
    }

    @Test
    @Order(1)
    void everyServiceExposesItsOutboxMetricsToTheOperatorOnlyAndNeedsATokenForTheApi() throws Exception {
        String operator = "Bearer " + platform.operatorToken();
        for (int port : List.of(platform.ports.identity(), platform.ports.room(), platform.ports.prize())) {
            URI prometheus = URI.create("http://localhost:" + port + "/actuator/prometheus");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(prometheus).header("Authorization", operator).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("platform_outbox_backlog", "platform_outbox_oldest_age_seconds");
            assertThat(http.send(HttpRequest.newBuilder(prometheus).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
        }
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(platform.gateway("/actuator/prometheus")))
                .header("Authorization", operator).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = get("/api/v1/rooms", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).get("error").get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @ParameterizedTest
    @Order(2)
    @CsvSource({
            "/api/v1/auth/providers, identity-service",
            "/api/v1/users/usr_1, identity-service",
            "/api/v1/apps, identity-service",
            "/.well-known/jwks.json, identity-service",
            "/api/v1/rooms, room-service",
            "/api/v1/rooms/room_1, room-service",
            "/api/v1/rooms/room_1/participants, room-service",
            "/api/v1/rooms/room_1/prizes, prize-service",
            "/api/v1/rooms/room_1/winners/win_1, prize-service",
            "/api/v1/rooms/room_1/draws, prize-service",
    })
    void routesEachPathToTheServiceThatOwnsIt(String path, String owner) throws Exception {
        String requestId = "e2e-" + UUID.randomUUID();

        HttpResponse<String> response = get(path, requestId);

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(response.statusCode()).isLessThan(500);
        await("the request id in " + owner + "'s log").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.log(owner).contains(requestId));
        for (String other : SERVICES) {
            if (!other.equals(owner)) {
                assertThat(platform.log(other)).as(other + " must not see " + path).doesNotContain(requestId);
            }
        }
    }

    @Test
    @Order(3)
    void devLoginMeRefreshAndLogoutWorkThroughTheGateway() throws Exception {
        HttpResponse<String> login = send("POST", "/api/v1/auth/dev/login", null, "{\"email\":\"e2e@example.com\",\"name\":\"E2E\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(login.body()).get("data");
        String access = tokens.get("accessToken").asString();

        HttpResponse<String> me = send("GET", "/api/v1/auth/me", access, null);
        assertThat(me.statusCode()).isEqualTo(200);
        // the gateway counts the user's requests (the limits are raised for these tests: RunningPlatform)
        assertThat(me.headers().firstValue("X-RateLimit-Limit")).hasValue(RunningPlatform.RATE_LIMITS.get("GATEWAY_RATE_LIMIT_USER"));
        assertThat(me.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(json.readTree(me.body()).get("data").get("email").asString()).isEqualTo("e2e@example.com");

        // the same token is accepted by the other services too (their own checks, same keys)
        assertThat(send("GET", "/api/v1/rooms", access, null).statusCode()).isNotEqualTo(401);

        HttpResponse<String> refreshed = send("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String newAccess = json.readTree(refreshed.body()).get("data").get("accessToken").asString();

        assertThat(send("POST", "/api/v1/auth/logout", newAccess, "{}").statusCode()).isEqualTo(200);
        await("the logged-out token refused by identity and room service").atMost(Duration.ofSeconds(5))
                .until(() -> send("GET", "/api/v1/auth/me", newAccess, null).statusCode() == 401
                        && send("GET", "/api/v1/rooms", newAccess, null).statusCode() == 401);
    }

    @Test
    @Order(3)
    void anAdminRegistersAnAppWhoseSecretBuysAnAppToken() throws Exception {
        HttpResponse<String> login = send("POST", "/api/v1/auth/dev/login", null, "{\"email\":\"admin@example.com\"}");
        String admin = json.readTree(login.body()).get("data").get("accessToken").asString();
        String manifest = """
                {"meta": {"name": "E2E Lottery", "version": "1.0.0", "description": "registered by the end-to-end test"},
                 "baseUrl": "https://e2e.example.com", "capabilities": ["prizeFund"], "permissions": ["prizes:write"]}""";

        HttpResponse<String> registered = send("POST", "/api/v1/apps", admin, "{\"appId\":\"app_e2e_lottery\",\"manifest\":" + manifest + "}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String secret = json.readTree(registered.body()).get("data").get("appSecret").asString();
        assertThat(send("GET", "/api/v1/apps/app_e2e_lottery", admin, null).body()).doesNotContain(secret);

        HttpResponse<String> token = send("POST", "/api/v1/apps/token", null,
                "{\"appId\":\"app_e2e_lottery\",\"appSecret\":\"" + secret + "\"}");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json.readTree(token.body()).get("data").get("tokenType").asString()).isEqualTo("Bearer");
    }

    @Test
    @Order(3)
    void anOrganizerRunsALotteryRoomThroughTheGateway() throws Exception {
        String admin = login("admin@example.com");
        String manifest = """
                {"meta": {"name": "E2E Rooms", "version": "1.0.0", "description": "rooms end to end"},
                 "baseUrl": "https://rooms.example.com", "capabilities": [], "permissions": ["rooms:read"],
                 "settings": {"type": "object", "additionalProperties": false,
                              "properties": {"ticketCount": {"type": "integer", "minimum": 1}}}}""";
        assertThat(send("POST", "/api/v1/apps", admin, "{\"appId\":\"app_e2e_rooms\",\"manifest\":" + manifest + "}")
                .statusCode()).isEqualTo(201);
        String olivia = login("olivia.e2e@example.com");
        String create = "{\"name\":\"Winter lottery\",\"appId\":\"app_e2e_rooms\",\"appSettings\":{\"ticketCount\":3}}";

        // the new app reaches room-service by its event
        HttpResponse<String>[] created = new HttpResponse[1];
        await("room-service knows the new app").atMost(Duration.ofSeconds(5)).until(() -> {
            created[0] = send("POST", "/api/v1/rooms", olivia, create);
            return created[0].statusCode() == 201;
        });
        String room = "/api/v1/rooms/" + json.readTree(created[0].body()).get("data").get("id").asString();
        HttpResponse<String> invalid = send("POST", "/api/v1/rooms", olivia,
                "{\"name\":\"Bad\",\"appId\":\"app_e2e_rooms\",\"appSettings\":{\"ticketCount\":0,\"colour\":\"red\"}}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json.readTree(invalid.body()).get("error").get("details").get("fields").propertyNames())
                .containsExactlyInAnyOrder("appSettings.ticketCount", "appSettings.colour");
        assertThat(send("PATCH", room, olivia, "{\"status\":\"active\"}").statusCode()).isEqualTo(200);

        List<String> people = List.of(login("ann.e2e@example.com"), login("ben.e2e@example.com"), login("cat.e2e@example.com"));
        List<String> ids = new java.util.ArrayList<>();
        for (String person : people) {
            HttpResponse<String> joined = send("POST", room + "/participants", person, "{}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            ids.add(json.readTree(joined.body()).get("data").get("id").asString());
        }
        assertThat(send("DELETE", room + "/participants/me", people.get(1), null).statusCode()).isEqualTo(200);
        HttpResponse<String> back = send("POST", room + "/participants", people.get(1), "{}");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(json.readTree(back.body()).get("data").get("id").asString()).isEqualTo(ids.get(1));
        HttpResponse<String> promoted = send("PATCH", room + "/participants/" + ids.get(0), olivia, "{\"role\":\"moderator\"}");
        assertThat(json.readTree(promoted.body()).get("data").get("role").asString()).isEqualTo("moderator");
        assertThat(json.readTree(send("GET", room, olivia, null).body()).get("data").get("participantCount").asInt()).isEqualTo(4);

        HttpResponse<String> secret = send("POST", "/api/v1/rooms", olivia,
                "{\"name\":\"Board only\",\"appId\":\"app_e2e_rooms\",\"isPublic\":false}");
        String secretRoom = json.readTree(secret.body()).get("data").get("id").asString();
        String outsider = login("outsider.e2e@example.com");
        assertThat(send("GET", "/api/v1/rooms/" + secretRoom, outsider, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/rooms?appId=app_e2e_rooms", outsider, null).body()).doesNotContain(secretRoom);
        assertThat(send("GET", "/api/v1/rooms?appId=app_e2e_rooms", olivia, null).body()).contains(secretRoom);
    }

    @Test
    @Order(3)
    void aQuizAppChoosesTheWinnersAndWhenItIsGoneTheDrawFallsBackAndSaysWhy() throws Exception {
        Assumptions.assumeTrue(commandExists("node"), "No Node.js here: the one-file example app (docs/examples/winner-app.js) "
                + "cannot run, so this test is skipped");
        int appPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            appPort = free.getLocalPort();
        }
        String admin = login("admin@example.com");
        String manifest = """
                {"meta": {"name": "E2E Quiz", "version": "1.0.0", "description": "the fastest right answer wins"},
                 "baseUrl": "http://localhost:%d", "capabilities": ["winnerSelection"], "permissions": ["winners:write"],
                 "webhooks": {"winnerSelection": "/select"}}""".formatted(appPort);
        assertThat(send("POST", "/api/v1/apps", admin, "{\"appId\":\"app_e2e_quiz\",\"manifest\":" + manifest + "}")
                .statusCode()).isEqualTo(201);
        JsonNode keys = json.readTree(send("GET", "/api/v1/webhooks/keys", null, null).body());
        assertThat(keys.get("keys").get(0).get("crv").asString()).isEqualTo("Ed25519");
        Path appLog = dataDir.resolve("winner-app.log");
        Process app = new ProcessBuilder("node", platform.root.resolve("docs/examples/winner-app.js").toString(),
                Integer.toString(appPort), platform.gateway("")).redirectErrorStream(true).redirectOutput(appLog.toFile()).start();
        try {
            await("the app listens").atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.readString(appLog)
                    .contains("winner app on"));
            String olivia = login("olivia.quiz.e2e@example.com");
            HttpResponse<String>[] created = new HttpResponse[1];
            await("room-service knows the quiz app").atMost(Duration.ofSeconds(5)).until(() -> {
                created[0] = send("POST", "/api/v1/rooms", olivia, "{\"name\":\"Quiz night\",\"appId\":\"app_e2e_quiz\"}");
                return created[0].statusCode() == 201;
            });
            String room = "/api/v1/rooms/" + json.readTree(created[0].body()).get("data").get("id").asString();
            assertThat(send("PATCH", room, olivia, "{\"status\":\"active\"}").statusCode()).isEqualTo(200);
            for (String person : List.of("quiz.ann.e2e@example.com", "quiz.ben.e2e@example.com", "quiz.cat.e2e@example.com")) {
                assertThat(send("POST", room + "/participants", login(person), "{}").statusCode()).isEqualTo(201);
            }
            String prize = json.readTree(send("POST", room + "/prizes", olivia, "{\"name\":\"Trophy\",\"quantity\":2}").body())
                    .get("data").get("id").asString();
            String draw = "{\"prizeId\":\"" + prize + "\",\"count\":1}";

            // the participants reach prize-service by their events; the app is asked once they are eligible there
            JsonNode[] byTheApp = new JsonNode[1];
            await("a draw through the app").atMost(Duration.ofSeconds(10)).until(() -> {
                HttpResponse<String> response = send("POST", room + "/draws", olivia, draw);
                byTheApp[0] = response.statusCode() == 201 ? json.readTree(response.body()).get("data") : null;
                return byTheApp[0] != null;
            });
            assertThat(byTheApp[0].get("delegatedToApp").asBoolean()).as(byTheApp[0].toString()).isTrue();
            assertThat(byTheApp[0].get("algorithm").asString()).isEqualTo("delegated:app_e2e_quiz");
            assertThat(byTheApp[0].get("winners").get(0).get("metadata").get("app").get("pickedBy").asString())
                    .isEqualTo("winner-app.js");
            assertThat(java.nio.file.Files.readString(appLog)).contains("1 of 3 win " + prize);

            app.destroy();
            app.waitFor();

            JsonNode fallback = json.readTree(send("POST", room + "/draws", olivia, draw).body()).get("data");
            assertThat(fallback.get("delegatedToApp").asBoolean()).isFalse();
            assertThat(fallback.get("fallbackReason").asString()).isEqualTo("error");
            assertThat(fallback.get("algorithm").asString()).isEqualTo("fisher-yates-sha256-v1");
        } finally {
            app.destroyForcibly();
        }
    }

    private static boolean commandExists(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(3)
    void theOrganizerAwardsPrizesAndEveryNumberAddsUp() throws Exception {
        String olivia = login("olivia.prizes@example.com");
        String room = activeRoomOfNewApp("app_e2e_prizes", olivia, "Prize night");
        List<String> participants = new java.util.ArrayList<>();
        for (String who : List.of("p1", "p2", "p3", "p4")) {
            HttpResponse<String> joined = send("POST", room + "/participants", login(who + ".prizes@example.com"), "{}");
            participants.add(json.readTree(joined.body()).get("data").get("id").asString());
        }

        // the room and its members reach prize-service by their events
        String prizeId = prizeOnceKnown(room, olivia, "{\"name\":\"Cinema tickets\",\"quantity\":3}");
        HttpResponse<String>[] byHand = new HttpResponse[1];
        await("the last participant is selectable in prize-service").atMost(Duration.ofSeconds(5)).until(() -> {
            byHand[0] = send("POST", room + "/winners", olivia,
                    "{\"participantId\":\"" + participants.get(3) + "\",\"prizeId\":\"" + prizeId + "\"}");
            return byHand[0].statusCode() == 201;
        });
        HttpResponse<String> draw = send("POST", room + "/draws", olivia, "{\"prizeId\":\"" + prizeId + "\",\"count\":1}");
        assertThat(draw.statusCode()).as(draw.body()).isEqualTo(201);
        String winner = json.readTree(byHand[0].body()).get("data").get("id").asString();
        assertThat(send("DELETE", room + "/winners/" + winner, olivia, null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send("POST", room + "/draws", olivia, "{\"prizeId\":\"" + prizeId + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);

        JsonNode fund = json.readTree(send("GET", room + "/prizes/" + prizeId, olivia, null).body()).get("data");
        JsonNode winners = json.readTree(send("GET", room + "/winners", olivia, null).body());
        JsonNode draws = json.readTree(send("GET", room + "/draws", olivia, null).body());
        int drawnAgain = json.readTree(again.body()).get("data").get("winners").size();
        assertThat(drawnAgain).isEqualTo(2);
        assertThat(fund.get("quantityRemaining").asInt()).isEqualTo(3 - 1 - drawnAgain);
        assertThat(fund.get("winnerCount").asInt()).isEqualTo(3);
        assertThat(winners.get("meta").get("total").asInt()).isEqualTo(3);
        assertThat(draws.get("meta").get("total").asInt()).isEqualTo(2);
        await("room-service counts the prize").atMost(Duration.ofSeconds(5)).until(() ->
                json.readTree(send("GET", room, olivia, null).body()).get("data").get("prizeCount").asInt() == 1);
    }

    @Test
    @Order(3)
    void theDemoDataLoadsThroughEveryService() throws Exception {
        String printed = platform.seed();

        assertThat(printed).contains("identity-service", "room-service", "prize-service").doesNotContain("FAILED");
        String olivia = login("olivia@example.com");
        JsonNode rooms = json.readTree(send("GET", "/api/v1/rooms?mine=true&limit=100", olivia, null).body());
        assertThat(rooms.get("meta").get("total").asInt()).isEqualTo(9);
        assertThat(rooms.get("data").findValuesAsString("status")).contains("draft", "active", "completed", "cancelled");
        await("the demo prizes counted in room-service").atMost(Duration.ofSeconds(5)).until(() ->
                json.readTree(send("GET", "/api/v1/rooms?mine=true&status=active&limit=100", olivia, null).body())
                        .get("data").findValuesAsString("prizeCount").stream().allMatch("3"::equals));
    }

    @Test
    @Order(3)
    void theDatabaseWorkflowShowsAndChecksEveryServicesMigrations() throws Exception {
        String info = platform.platform("db", "info");
        String validated = platform.platform("db", "validate", "--service", "room");
        String migrated = platform.platform("db", "migrate");

        for (String service : List.of("identity-service", "room-service", "prize-service")) {
            assertThat(info).contains(service + " (service)", service + " (platform library)");
            assertThat(migrated).contains(service + " (service): up to date, nothing to apply");
        }
        assertThat(info).contains("identity schema", "Success").doesNotContain("Pending");
        assertThat(validated).contains("room-service (service): valid", "room-service (platform library): valid")
                .doesNotContain("identity-service");
    }

    @Test
    @Order(3)
    void adminsBrowseEveryServicesTablesThroughTheGateway() throws Exception {
        String admin = login("admin@example.com");
        String organizer = login("browser.organizer@example.com");

        JsonNode overview = json.readTree(send("GET", "/api/v1/admin/data", admin, null).body()).get("data");
        JsonNode rooms = json.readTree(send("GET", "/api/v1/admin/data/room/rooms?limit=5", admin, null).body());

        assertThat(overview.findValuesAsString("service")).containsExactly("identity", "room", "prize");
        assertThat(overview.get(1).get("tables").findValuesAsString("name")).contains("rooms", "participants");
        assertThat(rooms.get("table").get("columns").toString()).contains("\"name\"", "\"status\"");
        assertThat(rooms.get("meta").get("limit").asInt()).isEqualTo(5);
        assertThat(send("GET", "/api/v1/admin/data", organizer, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/data/prize/prizes", organizer, null).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void theAdminPageShowsTheRoomsInARealBrowser() throws Exception {
        ChromeDriver browser = Chromium.orSkip("/admin");
        String admin = login("admin@example.com");
        activeRoomOfNewApp("app_e2e_page", login("page.organizer@example.com"), "Page party");
        JsonNode firstPage = json.readTree(send("GET", "/api/v1/admin/data/room/rooms?limit=20", admin, null).body());
        try {
            browser.get(platform.gateway("/admin"));
            browser.findElement(By.id("email")).clear();
            browser.findElement(By.id("email")).sendKeys("admin@example.com");
            browser.findElement(By.id("dev-login")).click();
            await("the tables are listed").atMost(Duration.ofSeconds(10))
                    .until(() -> !browser.findElements(By.cssSelector("button[data-service='room'][data-table='rooms']")).isEmpty());
            browser.findElement(By.cssSelector("button[data-service='room'][data-table='rooms']")).click();
            await("the rows are shown").atMost(Duration.ofSeconds(10))
                    .until(() -> browser.findElements(By.cssSelector("#rows tr")).size() > 1);

            List<String> headers = browser.findElements(By.cssSelector("#rows th")).stream().map(cell -> cell.getText()).toList();
            assertThat(headers).contains("id", "name", "status", "app_id");
            String firstId = browser.findElement(By.cssSelector("#rows tr:nth-child(2) td:nth-child(1)")).getText();
            assertThat(firstId).isEqualTo(firstPage.get("data").get(0).get("id").asString());
            assertThat(browser.findElement(By.id("page")).getText()).endsWith("of " + firstPage.get("meta").get("total").asLong());
            assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void everyRouteOfTheGatewayIsDocumentedAndEveryDocumentedPathIsRouted() throws Exception {
        Map<String, JsonNode> documents = new java.util.LinkedHashMap<>();
        for (String service : List.of("identity", "room", "prize")) {
            HttpResponse<String> document = get("/v3/api-docs/" + service, null);
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            assertThat(document.headers().firstValue("X-RateLimit-Limit")).as("the docs are not limited").isEmpty();
            documents.put(service, json.readTree(document.body()));
        }
        List<DocumentedRoutes.Route> routes = DocumentedRoutes.of(ComposeFileTest.ROOT.resolve("gateway/src/main/resources/application.yml"));

        assertThat(routes).extracting(DocumentedRoutes.Route::service).contains("identity", "room", "prize");
        assertThat(DocumentedRoutes.problems(routes, documents)).isEmpty();
        JsonNode join = documents.get("room").at("/paths/~1api~1v1~1rooms~1{roomId}~1participants/post");
        assertThat(join.get("responses").propertyNames()).contains("401", "403", "404", "409", "422", "429", "503");
        assertThat(join.at("/requestBody/content/application~1json/schema/$ref").asString()).isNotBlank();
        assertThat(join.get("responses").propertyNames()).as("a join creates a participant").contains("201");
        assertThat(documents.get("room").at("/paths/~1api~1v1~1rooms~1{roomId}/get/responses/200").toString())
                .as("what data holds is in the document").contains("#/components/schemas/DataRoomDetail");
        assertThat(documents.get("room").at("/paths/~1api~1v1~1ws/get/responses/101").isMissingNode()).isFalse();
        assertThat(documents.get("identity").at("/paths/~1api~1v1~1auth~1providers/get/security")).isEmpty();
    }

    @Test
    @Order(3)
    void theDocsPageShowsEveryServiceInARealBrowserWithinItsContentSecurityPolicy() throws Exception {
        ChromeDriver browser = Chromium.orSkip("/docs");
        HttpResponse<String> page = get("/docs/swagger-ui/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        try {
            browser.get(platform.gateway("/docs"));
            await("the room service's operations are listed").atMost(Duration.ofSeconds(20))
                    .until(() -> browser.findElements(By.cssSelector(".opblock")).size() > 5);

            List<String> documents = browser.findElements(By.cssSelector("select#select option")).stream()
                    .map(option -> option.getText()).toList();
            assertThat(documents).containsExactlyInAnyOrder("room", "prize", "identity", "gateway");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("/api/v1/rooms/{roomId}/participants");
            List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getMessage()).filter(message -> message.contains("Content Security Policy")).toList();
            assertThat(refused).as("nothing the page needs is refused by its policy").isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void everyLayerAnswersWhatItCannotTakeInTheEnvelopeWithARequestId() throws Exception {
        String organizer = login("edges.organizer@example.com");
        String room = activeRoomOfNewApp("app_e2e_edges", organizer, "Edge night");
        record Case(String method, String path, String contentType, String accept, String body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("GET", "/api/v1/rooms/%00", null, null, null, 400, "BAD_REQUEST"),
                new Case("GET", "/api/v1/rooms/a%2Fb", null, null, null, 400, "BAD_REQUEST"),
                new Case("GET", "/api/v1/rooms/%C3%28", null, null, null, 400, "BAD_REQUEST"),
                new Case("GET", "/api/v1/rooms?limit=0", null, null, null, 400, "BAD_REQUEST"),
                new Case("PUT", "/api/v1/rooms", "application/json", null, "{}", 405, "METHOD_NOT_ALLOWED"),
                new Case("GET", room, null, "text/html", null, 406, "NOT_ACCEPTABLE"),
                new Case("PATCH", room, "application/json", null, "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}", 413, "PAYLOAD_TOO_LARGE"),
                new Case("PATCH", room, "text/plain", null, "name", 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("GET", room + "?q=" + "q".repeat(5000), null, null, null, 414, "URI_TOO_LONG"));
        for (Case edge : cases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway(edge.path()))).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + organizer)
                    .method(edge.method(), edge.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(edge.body()));
            if (edge.contentType() != null) {
                request.header("Content-Type", edge.contentType());
            }
            if (edge.accept() != null) {
                request.header("Accept", edge.accept());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            String what = edge.method() + " " + edge.path().substring(0, Math.min(60, edge.path().length()));
            assertThat(response.statusCode()).as(what + " → " + response.body()).isEqualTo(edge.status());
            assertThat(json.readTree(response.body()).at("/error/code").asString()).as(what).isEqualTo(edge.code());
            assertThat(response.headers().firstValue("X-Request-Id")).as(what).isPresent();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        }
    }

    @Test
    @Order(3)
    void someoneWhoJustJoinedCanBeSelectedAtOnce() throws Exception {
        String olivia = login("olivia.quick@example.com");
        String room = activeRoomOfNewApp("app_e2e_quick", olivia, "Quick night");
        String prizeId = prizeOnceKnown(room, olivia, "{\"name\":\"Mugs\",\"quantity\":10}");

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> joined = send("POST", room + "/participants", login("quick" + i + "@example.com"), "{}");
            String participant = json.readTree(joined.body()).get("data").get("id").asString();
            // no waiting: prize-service asks room-service about a participant its replica does not know yet
            HttpResponse<String> selected = send("POST", room + "/winners", olivia,
                    "{\"participantId\":\"" + participant + "\",\"prizeId\":\"" + prizeId + "\"}");
            assertThat(selected.statusCode()).as("round " + i + ": " + selected.body()).isEqualTo(201);
        }
    }

    @Test
    @Order(3)
    void twoClientsSeeAJoinAPrizeADrawAndItsWinnerLiveAndAResumedOneMissesNothing() throws Exception {
        String olivia = login("olivia.live@example.com");
        String guest = login("guest.live@example.com");
        String room = activeRoomOfNewApp("app_e2e_live", olivia, "Live night");
        String roomId = lastSegment(room);
        URI ws = liveEndpoint();
        try (LiveClient host = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + olivia));
             LiveClient phone = LiveClient.connect(ws)) {
            host.next("auth");
            assertThat(phone.authenticate(guest).path("ok").asBoolean()).isTrue();
            assertThat(host.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            assertThat(phone.subscribe(roomId, null).path("ok").asBoolean()).isTrue();

            JsonNode participant = json.readTree(send("POST", room + "/participants", guest, "{}").body()).get("data");
            for (LiveClient client : List.of(host, phone)) {
                assertThat(client.next("participant:joined").path("data").path("participant")).isEqualTo(participant);
            }
            String prizeId = prizeOnceKnown(room, olivia, "{\"name\":\"Sled\",\"quantity\":2}");
            JsonNode prize = json.readTree(send("GET", room + "/prizes/" + prizeId, olivia, null).body()).get("data");
            String prizeEvent = null;
            for (LiveClient client : List.of(host, phone)) {
                JsonNode created = client.next("prize:created");
                assertThat(created.path("data").path("prize")).isEqualTo(prize);
                prizeEvent = created.path("eventId").asString();
            }

            phone.close(); // the guest's phone drops; the draw happens while it is away
            HttpResponse<String> drawn = send("POST", room + "/draws", olivia, "{\"prizeId\":\"" + prizeId + "\",\"count\":1}");
            assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
            JsonNode draw = json.readTree(drawn.body()).get("data");
            assertThat(host.next("winner:selected").path("data").path("winner")).isEqualTo(draw.get("winners").get(0));
            assertThat(host.next("draw:completed").path("data").path("draw")).isEqualTo(draw);

            try (LiveClient back = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + guest))) {
                back.next("auth");
                JsonNode ack = back.subscribe(roomId, prizeEvent);
                assertThat(ack.path("replay").asString()).isEqualTo("complete");
                back.next("draw:completed");
                // the draw's events come from more than one topic: one may still be on its way to either client
                String since = prizeEvent;
                await("the resumed client has what the host has, in the same order").atMost(Duration.ofSeconds(10))
                        .until(() -> eventIdsAfter(back.received(), null).equals(eventIdsAfter(host.received(), since)));
                assertThat(eventIdsAfter(back.received(), null)).doesNotHaveDuplicates();

                // signing out revokes the session: its live connection ends with 4401
                assertThat(send("POST", "/api/v1/auth/logout", guest, "{}").statusCode()).isEqualTo(200);
                assertThat(back.awaitClose()).isEqualTo(4401);
            }
        }
    }

    @Test
    @Order(3)
    void everyKindOfRoomEventReachesALiveClientThroughTheGatewayWithTheResourceAsRestShowsIt() throws Exception {
        String olivia = login("olivia.events@example.com");
        String guest = login("guest.events@example.com");
        String appId = "app_e2e_events";
        String secret = registeredApp(appId, "[\"prizes:write\",\"realtime:publish\",\"realtime:subscribe\"]");
        String app = appToken(appId, secret);
        String room = activeRoom(appId, olivia, "Every event");
        String roomId = lastSegment(room);
        String othersRoom = activeRoomOfNewApp("app_e2e_events_other", olivia, "Another app's");
        URI ws = liveEndpoint();
        try (LiveClient host = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + olivia));
             LiveClient appLive = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + app))) {
            host.next("auth");
            assertThat(host.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            // the app follows its own rooms, and only those
            assertThat(appLive.next("auth").path("appId").asString()).isEqualTo(appId);
            assertThat(appLive.subscribe(lastSegment(othersRoom), null).path("error")
                    .path("code").asString()).isEqualTo("APP_PERMISSION_DENIED");
            assertThat(appLive.subscribe(roomId, null).path("ok").asBoolean()).isTrue();

            // room-service's events
            JsonNode participant = json.readTree(send("POST", room + "/participants", guest, "{}").body()).get("data");
            String participantPath = room + "/participants/" + participant.get("id").asString();
            assertThat(pushed(host, "participant:joined", any -> true).path("participant")).isEqualTo(participant);
            assertThat(send("PATCH", participantPath, guest, "{\"metadata\":{\"table\":7}}").statusCode()).isEqualTo(200);
            JsonNode participantUpdated = pushed(host, "participant:updated", any -> true);
            assertThat(participantUpdated.path("participant")).isEqualTo(data(participantPath, guest));
            assertThat(participantUpdated.path("changes")).isEqualTo(json.readTree("{\"metadata\":{\"table\":7}}"));
            assertThat(send("PATCH", room, olivia, "{\"description\":\"Mulled wine at 8\"}").statusCode()).isEqualTo(200);
            JsonNode roomUpdated = pushed(host, "room:updated", any -> true);
            assertThat(roomUpdated.path("room")).isEqualTo(roomAsPushed(data(room, olivia)));
            assertThat(roomUpdated.path("changes")).isEqualTo(json.readTree("{\"description\":\"Mulled wine at 8\"}"));

            // prize-service's
            String prizePath = room + "/prizes/" + prizeOnceKnown(room, olivia, "{\"name\":\"Sled\",\"quantity\":2}");
            assertThat(pushed(host, "prize:created", any -> true).path("prize")).isEqualTo(data(prizePath, olivia));
            assertThat(send("PATCH", prizePath, olivia, "{\"quantity\":3}").statusCode()).isEqualTo(200);
            JsonNode prizeUpdated = pushed(host, "prize:updated", event -> event.path("changes").has("quantity"));
            assertThat(prizeUpdated.path("prize")).isEqualTo(data(prizePath, olivia));
            assertThat(prizeUpdated.path("changes").path("quantity").asInt()).isEqualTo(3);

            HttpResponse<String> drawn = send("POST", room + "/draws", olivia,
                    "{\"prizeId\":\"" + lastSegment(prizePath) + "\",\"count\":1}");
            assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
            JsonNode draw = json.readTree(drawn.body()).get("data");
            String winnerPath = room + "/winners/" + draw.get("winners").get(0).get("id").asString();
            assertThat(pushed(host, "winner:selected", any -> true).path("winner")).isEqualTo(data(winnerPath, olivia));
            assertThat(pushed(host, "draw:completed", any -> true).path("draw"))
                    .isEqualTo(data(room + "/draws/" + draw.get("id").asString(), olivia));
            JsonNode afterDraw = pushed(host, "prize:updated", event -> event.path("changes").path("quantityRemaining").asInt(-1) == 2);
            assertThat(afterDraw.path("prize")).isEqualTo(data(prizePath, olivia));

            JsonNode winner = data(winnerPath, olivia);
            assertThat(send("DELETE", winnerPath, olivia, null).statusCode()).isEqualTo(200);
            assertThat(pushed(host, "winner:removed", any -> true)).isEqualTo(json.readTree(
                    "{\"winnerId\":\"%s\",\"participantId\":\"%s\",\"prizeId\":\"%s\"}".formatted(winner.get("id").asString(),
                            participant.get("id").asString(), winner.get("prizeId").asString())));
            JsonNode unitBack = pushed(host, "prize:updated", event -> !event.path("changes").has("quantity")
                    && event.path("changes").path("quantityRemaining").asInt(-1) == 3);
            assertThat(unitBack.path("prize")).isEqualTo(data(prizePath, olivia));

            String spare = prizeOnceKnown(room, olivia, "{\"name\":\"Mug\"}");
            assertThat(send("DELETE", room + "/prizes/" + spare, olivia, null).statusCode()).isEqualTo(200);
            assertThat(pushed(host, "prize:deleted", any -> true)).isEqualTo(json.readTree("{\"prizeId\":\"" + spare + "\"}"));

            // the app's own
            HttpResponse<String> published = send("POST", room + "/events", app,
                    "{\"event\":\"" + appId + ":confetti\",\"data\":{\"colour\":\"gold\",\"seconds\":3}}");
            assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
            for (LiveClient client : List.of(host, appLive)) {
                assertThat(pushed(client, appId + ":confetti", any -> true)).isEqualTo(json.readTree("{\"colour\":\"gold\",\"seconds\":3}"));
            }

            // and the room's end
            assertThat(send("DELETE", room + "/participants/me", guest, null).statusCode()).isEqualTo(200);
            assertThat(pushed(host, "participant:left", any -> true)).isEqualTo(json.readTree("{\"participantId\":\"%s\",\"userId\":\"%s\"}"
                    .formatted(participant.get("id").asString(), participant.get("user").get("id").asString())));
            assertThat(send("PATCH", room, olivia, "{\"status\":\"completed\"}").statusCode()).isEqualTo(200);
            JsonNode status = pushed(host, "room:status_changed", any -> true);
            assertThat(status.path("oldStatus").asString()).isEqualTo("active");
            assertThat(status.path("newStatus").asString()).isEqualTo("completed");
            assertThat(status.path("room")).isEqualTo(roomAsPushed(data(room, olivia)));
            assertThat(send("DELETE", room, olivia, null).statusCode()).isEqualTo(200);
            assertThat(pushed(host, "room:deleted", any -> true)).isEqualTo(json.readTree("{\"roomId\":\"" + roomId + "\"}"));

            List<JsonNode> events = host.received().stream().filter(message -> message.has("eventId")).toList();
            assertThat(events).allSatisfy(event -> {
                assertThat(event.path("roomId").asString()).isEqualTo(roomId);
                assertThat(Instant.parse(event.path("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
            });
            assertThat(events.stream().map(event -> event.path("eventId").asString()).toList()).doesNotHaveDuplicates();
        }
    }

    @Test
    @Order(3)
    void aPrivateRoomRefusesAStrangerAndPresenceFollowsEachUsersFirstAndLastConnectionThroughTheGateway() throws Exception {
        String olivia = login("olivia.presence@example.com");
        String guest = login("guest.presence@example.com");
        String room = activeRoomOfNewApp("app_e2e_presence", olivia, "Private party");
        String roomId = lastSegment(room);
        assertThat(send("PATCH", room, olivia, "{\"isPublic\":false}").statusCode()).isEqualTo(200);
        assertThat(send("POST", room + "/participants", guest, "{}").statusCode()).isEqualTo(201);
        URI ws = liveEndpoint();
        try (LiveClient stranger = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + login("stranger.presence@example.com")))) {
            stranger.next("auth");
            JsonNode refused = stranger.subscribe(roomId, null);
            assertThat(refused.path("ok").asBoolean()).isFalse();
            assertThat(refused.path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        }
        try (LiveClient host = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + olivia));
             LiveClient phone = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + guest));
             LiveClient laptop = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + guest))) {
            String oliviaId = host.next("auth").path("userId").asString();
            String guestId = phone.next("auth").path("userId").asString();
            laptop.next("auth");
            assertThat(host.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            assertThat(host.next("presence:user_online").path("data").path("user").path("id").asString()).isEqualTo(oliviaId);
            assertThat(phone.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            assertThat(host.next("presence:user_online").path("data").path("user").path("id").asString()).isEqualTo(guestId);
            assertThat(laptop.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            assertThat(online(host, roomId)).containsExactly(oliviaId, guestId);

            // the guest's laptop leaves the room: the phone still has it, so the guest is still online
            laptop.send("{\"id\":\"bye\",\"type\":\"room:unsubscribe\",\"roomId\":\"" + roomId + "\"}");
            assertThat(laptop.ack("bye").path("ok").asBoolean()).isTrue();
            assertThat(online(host, roomId)).containsExactly(oliviaId, guestId);
            long gatewayErrors = errorLines("gateway");
            phone.close(); // the phone drops: no close frame, its TCP connection just ends
            assertThat(host.next("presence:user_offline").path("data").path("userId").asString()).isEqualTo(guestId);
            assertThat(errorLines("gateway")).as("a client that leaves is not an error").isEqualTo(gatewayErrors);
            assertThat(online(host, roomId)).containsExactly(oliviaId);
            assertThat(host.received().stream().filter(m -> m.path("type").asString("").startsWith("presence:")
                    && m.toString().contains(guestId)).map(m -> m.path("type").asString()).toList())
                    .containsExactly("presence:user_online", "presence:user_offline");
        }
    }

    @Test
    @Order(3)
    void eventsCommittedWhileAClientIsAwayAndWhileItResubscribesReachItOnceInOrderThroughTheGateway() throws Exception {
        String olivia = login("olivia.resume@example.com");
        String room = activeRoomOfNewApp("app_e2e_resume", olivia, "Party 0");
        String roomId = lastSegment(room);
        URI ws = liveEndpoint();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + olivia);
        // the witness and the returning client share the gateway's link: replay for one, live events for both
        try (LiveClient witness = LiveClient.connect(ws, auth)) {
            witness.next("auth");
            assertThat(witness.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            List<String> seen;
            String lastSeen;
            try (LiveClient phone = LiveClient.connect(ws, auth)) {
                phone.next("auth");
                assertThat(phone.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
                rename(room, olivia, 1);
                lastSeen = phone.next("room:updated").path("eventId").asString();
                seen = eventIdsAfter(phone.received(), null);
            }
            for (int n = 2; n <= 4; n++) { // while it is away
                rename(room, olivia, n);
            }
            java.util.concurrent.CompletableFuture<Void> meanwhile = java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int n = 5; n <= 12; n++) { // while it subscribes again
                    rename(room, olivia, n);
                }
            });
            try (LiveClient back = LiveClient.connect(ws, auth)) {
                back.next("auth");
                JsonNode ack = back.subscribe(roomId, lastSeen);
                assertThat(ack.path("replay").asString()).isEqualTo("complete");
                meanwhile.join();
                rename(room, olivia, 13); // and after
                String last = witness.next(m -> m.path("data").path("changes").path("name").asString("").equals("Party 13"))
                        .path("eventId").asString();
                back.next(m -> m.path("eventId").asString("").equals(last));

                List<JsonNode> received = back.received();
                List<JsonNode> sinceAck = received.subList(received.indexOf(ack) + 1, received.size());
                List<String> resumed = new ArrayList<>(seen);
                resumed.addAll(eventIdsAfter(sinceAck, null));
                assertThat(resumed).hasSize(13).doesNotHaveDuplicates().isEqualTo(eventIdsAfter(witness.received(), null));
            }
        }
    }

    private void rename(String room, String token, int n) {
        try {
            HttpResponse<String> renamed = send("PATCH", room, token, "{\"name\":\"Party " + n + "\"}");
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gateway's {@code /api/v1/ws}. */
    private URI liveEndpoint() {
        return URI.create(platform.gateway("/api/v1/ws").replaceFirst("^http", "ws"));
    }

    /** The last segment of a path: the id of the resource it names. */
    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The ids of the users online in the room, by {@code presence:get_online}, earliest first. */
    private static List<String> online(LiveClient client, String roomId) {
        String id = "who-" + System.nanoTime();
        client.send("{\"id\":\"" + id + "\",\"type\":\"presence:get_online\",\"roomId\":\"" + roomId + "\"}");
        JsonNode ack = client.ack(id);
        List<String> users = new ArrayList<>();
        ack.path("users").forEach(user -> users.add(user.path("id").asString()));
        assertThat(ack.path("count").asInt()).isEqualTo(users.size());
        return users;
    }

    /**
     * The {@code data} of the first {@code type} event the client has received that matches, once it has; other
     * messages stay where they are (events of different services may arrive in either order).
     */
    private static JsonNode pushed(LiveClient client, String type, java.util.function.Predicate<JsonNode> data) {
        JsonNode[] found = new JsonNode[1];
        await("a " + type + " event").atMost(Duration.ofSeconds(10)).until(() -> {
            found[0] = client.received().stream()
                    .filter(message -> message.path("type").asString("").equals(type) && data.test(message.path("data")))
                    .findFirst().map(message -> message.path("data")).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The {@code data} of a GET through the gateway (it must answer 200). */
    private JsonNode data(String path, String token) throws Exception {
        HttpResponse<String> response = send("GET", path, token, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("data");
    }

    /** The room as its events carry it: as REST shows it, less what is counted per request or per caller and the app. */
    private static JsonNode roomAsPushed(JsonNode rest) {
        tools.jackson.databind.node.ObjectNode room = ((tools.jackson.databind.node.ObjectNode) rest).deepCopy();
        room.remove(List.of("myRole", "participantCount", "prizeCount", "app"));
        return room;
    }

    /** An app token for {@code appId}, bought with its secret. */
    private String appToken(String appId, String secret) throws Exception {
        return accessToken(send("POST", "/api/v1/apps/token", null,
                "{\"appId\":\"" + appId + "\",\"appSecret\":\"" + secret + "\"}"));
    }

    /** The access token of a 200 answer from a login or {@code /apps/token}. */
    private String accessToken(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).get("data").get("accessToken").asString();
    }

    @Test
    @Order(4)
    void twoRoomServiceInstancesEachBehindItsOwnGatewayBothDeliverEveryEventToTheirOwnClients() throws Exception {
        String olivia = login("olivia.twice@example.com");
        String guest = login("guest.twice@example.com");
        String secret = registeredApp("app_e2e_twice", "[\"prizes:write\",\"realtime:publish\"]");
        String room = activeRoom("app_e2e_twice", olivia, "Two halls");
        String roomId = lastSegment(room);
        int secondRoomService = freePort();
        int secondGateway = freePort();
        List<Process> second = new ArrayList<>();
        try {
            // this instance takes 2 app events a second in a room (the first one's limit is out of reach in these tests)
            second.add(platform.anotherInstance("room-service", secondRoomService, Map.of("REALTIME_APP_EVENTS_PER_SECOND", "2")));
            second.add(platform.anotherInstance("gateway", secondGateway,
                    Map.of("ROOM_URL", "http://localhost:" + secondRoomService)));
            Map<String, String> auth = Map.of("Authorization", "Bearer " + olivia);
            try (LiveClient here = LiveClient.connect(liveEndpoint(), auth);
                 LiveClient there = LiveClient.connect(URI.create("ws://localhost:" + secondGateway + "/api/v1/ws"), auth)) {
                // the second gateway's first client: a message in three frames, sent while that gateway opens its
                // link, is still one message
                there.sendInFragments("{\"id\":\"first\",\"type\":\"ping\"}", 3);
                for (LiveClient client : List.of(here, there)) {
                    client.next("auth");
                    assertThat(client.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
                }
                assertThat(there.received()).anyMatch(message -> message.path("type").asString("").equals("pong")
                        && message.path("id").asString("").equals("first"));
                // the second gateway's link reached the second instance: its one live client is that gateway's
                assertThat(liveConnections(secondRoomService)).isEqualTo(1);

                JsonNode participant = json.readTree(send("POST", room + "/participants", guest, "{}").body()).get("data");
                String prizeId = prizeOnceKnown(room, olivia, "{\"name\":\"Lamp\",\"quantity\":1}");
                for (LiveClient client : List.of(here, there)) {
                    assertThat(client.next("participant:joined").path("data").path("participant")).isEqualTo(participant);
                    assertThat(client.next("prize:created").path("data").path("prize").path("id").asString()).isEqualTo(prizeId);
                }

                // an app's events through the second gateway: the second instance's limit reaches the app as a 429
                // with Retry-After, and what it accepted reaches the clients of both instances
                String app = appToken("app_e2e_twice", secret);
                List<HttpResponse<String>> published = new ArrayList<>();
                for (int n = 0; n < 10; n++) {
                    published.add(sendTo(URI.create("http://localhost:" + secondGateway + room + "/events"), "POST", app,
                            "{\"event\":\"app_e2e_twice:tick\",\"data\":{\"n\":" + n + "}}"));
                }
                assertThat(published).extracting(HttpResponse::statusCode).containsOnly(202, 429).contains(202, 429);
                HttpResponse<String> refused = published.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                JsonNode error = json.readTree(refused.body()).get("error");
                assertThat(error.get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(error.get("message").asString()).contains("app events per second");
                int accepted = published.stream().map(HttpResponse::statusCode).toList().indexOf(202);
                for (LiveClient client : List.of(here, there)) {
                    assertThat(client.next("app_e2e_twice:tick").path("data").path("n").asInt()).isEqualTo(accepted);
                }
            }
        } finally {
            for (Process instance : second) {
                instance.destroy(); // a graceful stop: the instance leaves room-service's consumer group at once
                instance.onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(4)
    void aTokenThatExpiresClosesItsLiveConnectionThroughTheGatewayAtItsExpiryUnlessTheClientSentAFreshOne() throws Exception {
        String email = "lena.lifetime@example.com";
        String fresh = login(email);
        int shortLived = freePort();
        // identity-service as the platform runs it (the same database and the key file the first one generated and
        // kept) but issuing 6-second tokens
        Process identity = platform.anotherInstance("identity-service", shortLived,
                Map.of("PLATFORM_IDENTITY_TOKENS_ACCESSTTL", "6s"));
        try {
            URI devLogin = URI.create("http://localhost:" + shortLived + "/api/v1/auth/dev/login");
            String renewing = loginAt(devLogin, email); // issued first: it expires no later than the other
            String expiring = loginAt(devLogin, email);
            URI ws = liveEndpoint();
            try (LiveClient onExpiring = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + expiring));
                 LiveClient onRenewed = LiveClient.connect(ws)) {
                Instant exp = Instant.ofEpochSecond(json.readTree(Base64.getUrlDecoder().decode(expiring.split("\\.")[1]))
                        .path("exp").asLong());
                assertThat(Instant.parse(onExpiring.next("auth").path("expiresAt").asString())).isEqualTo(exp);
                assertThat(onRenewed.authenticate(renewing).path("ok").asBoolean()).isTrue();
                JsonNode renewed = onRenewed.authenticate(fresh);
                assertThat(Instant.parse(renewed.path("expiresAt").asString())).isAfter(exp.plusSeconds(60));

                assertThat(onExpiring.awaitClose()).isEqualTo(4401);
                assertThat(Instant.now()).isAfterOrEqualTo(exp);
                // the other connection's first token has expired by now too, but its fresh one keeps it open
                onRenewed.send("{\"type\":\"ping\"}");
                assertThat(onRenewed.next("pong")).isNotNull();
                assertThat(onRenewed.isClosed()).isFalse();
            }
        } finally {
            identity.destroy();
            identity.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /** The live connections a room-service instance has, from its metrics. */
    private int liveConnections(int roomServicePort) throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + roomServicePort
                        + "/actuator/prometheus")).header("Authorization", "Bearer " + platform.operatorToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.startsWith("realtime_connections "))
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The ids of the room events after {@code eventId} (all of them when null), presence left out. */
    private static List<String> eventIdsAfter(List<JsonNode> messages, String eventId) {
        List<String> ids = messages.stream().filter(m -> m.has("eventId") && !m.path("type").asString().startsWith("presence:"))
                .map(m -> m.path("eventId").asString()).toList();
        return eventId == null ? ids : ids.subList(ids.indexOf(eventId) + 1, ids.size());
    }

    @Test
    @Order(3)
    void aClientThatOnlyListensStaysConnectedBecauseItsPongsReachTheHubWhileASilentOneIsDropped() throws Exception {
        URI ws = liveEndpoint();
        try (LiveClient listener = LiveClient.connect(ws, Map.of("Authorization", "Bearer " + login("listener@example.com")));
             LiveClient silent = LiveClient.connectNotReading(ws, Map.of("Authorization", "Bearer " + login("silent@example.com")))) {
            listener.next("auth");
            // it sends nothing (its JDK client answers pings): it outlives the hub's idle timeout and the gateway's
            // limits for request bodies, which are not for live connections (RunningPlatform.TIMEOUTS)
            Duration outlived = RunningPlatform.LIVE_IDLE_TIMEOUT.plusSeconds(1);
            assertThat(outlived).isGreaterThan(RunningPlatform.WHOLE_BODY).isGreaterThan(RunningPlatform.BODY_READ_PAUSE);
            await("the connection outlives the idle timeout").during(outlived).atMost(outlived.plusSeconds(2))
                    .until(() -> !listener.isClosed());
            // the other one never reads, so it never answers a ping: the hub has dropped it as idle ("going away")
            silent.startReading();
            assertThat(silent.awaitClose()).isEqualTo(1001);
        }
    }

    @Test
    @Order(3)
    void aClientThatNeverReadsIsClosedWith4408AtTheGatewayWhileAFastOneInTheRoomGetsEveryEventInOrder() throws Exception {
        String organizer = login("olivia.ticker@example.com");
        String secret = registeredApp("app_e2e_ticker", "[\"prizes:write\", \"realtime:publish\"]");
        String app = json.readTree(send("POST", "/api/v1/apps/token", null,
                "{\"appId\":\"app_e2e_ticker\",\"appSecret\":\"" + secret + "\"}").body()).get("data").get("accessToken").asString();
        String room = activeRoom("app_e2e_ticker", organizer, "Ticker");
        String roomId = lastSegment(room);
        URI ws = liveEndpoint();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + organizer);
        double overflowsBefore = roomServiceOverflows();
        try (LiveClient fast = LiveClient.connect(ws, auth); LiveClient stuck = LiveClient.connectNotReading(ws, auth)) {
            fast.next("auth");
            assertThat(fast.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            stuck.send("{\"id\":\"s\",\"type\":\"room:subscribe\",\"roomId\":\"" + roomId + "\"}");
            String event = "{\"event\":\"app_e2e_ticker:tick\",\"data\":{\"filler\":\"" + "x".repeat(15_000) + "\"}}";
            List<String> published = new java.util.ArrayList<>();
            // the socket buffers between the gateway and the client take some megabytes before the gateway's send buffer
            // (LIVE_SEND_BUFFER) fills: publish in bursts the fast client takes in stride until the stuck one is closed;
            // it keeps talking, or the hub would drop it as idle first (RunningPlatform.LIVE_IDLE_TIMEOUT)
            for (int burst = 0; burst < 300 && roomServiceOverflows() == overflowsBefore; burst++) {
                stuck.send("{\"type\":\"ping\"}");
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> accepted = send("POST", room + "/events", app, event);
                    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                    published.add(json.readTree(accepted.body()).get("data").get("eventId").asString());
                }
                String last = published.get(published.size() - 1);
                fast.next(message -> message.path("eventId").asString("").equals(last));
            }
            assertThat(roomServiceOverflows()).as("the gateway reported the overflow to the hub").isEqualTo(overflowsBefore + 1);
            stuck.startReading();
            assertThat(stuck.awaitClose()).isEqualTo(4408);
            assertThat(fast.isClosed()).isFalse();
            assertThat(fast.received().stream().filter(m -> m.path("type").asString("").equals("app_e2e_ticker:tick"))
                    .map(m -> m.path("eventId").asString()).toList()).isEqualTo(published);
        }
    }

    @Test
    @Order(3)
    void aBinaryMessageOrATextOneTooLongClosesTheLiveConnectionWithItsCode() throws Exception {
        URI ws = liveEndpoint();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + login("binary@example.com"));
        try (LiveClient binary = LiveClient.connect(ws, auth); LiveClient tooLong = LiveClient.connect(ws, auth)) {
            binary.next("auth");
            binary.sendBinary(new byte[] {1, 2, 3});
            assertThat(binary.awaitClose()).isEqualTo(1003);
            tooLong.next("auth");
            tooLong.send(pingWithIdOf(5_000));
            assertThat(tooLong.awaitClose()).isEqualTo(1009);
        }
        // longer than the gateway takes in one frame, or in the frames of one message: the same code, from the gateway
        try (LiveClient oneFrame = LiveClient.connect(ws, auth); LiveClient fragments = LiveClient.connect(ws, auth);
             LiveClient fine = LiveClient.connect(ws, auth)) {
            oneFrame.send(pingWithIdOf(70_000));
            assertThat(oneFrame.awaitClose()).isEqualTo(1009);
            fragments.sendInFragments(pingWithIdOf(80_000), 4);
            assertThat(fragments.awaitClose()).isEqualTo(1009);
            fine.sendInFragments(pingWithIdOf(3_000), 4);
            assertThat(fine.next("pong").path("id").asString()).hasSize(3_000);
        }
    }

    private static String pingWithIdOf(int length) {
        return "{\"type\":\"ping\",\"id\":\"" + "x".repeat(length) + "\"}";
    }

    /** room-service's count of live clients closed for overflowing their send buffer (4408), from its metrics. */
    private double roomServiceOverflows() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + platform.ports.room()
                        + "/actuator/prometheus")).header("Authorization", "Bearer " + platform.operatorToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.startsWith("realtime_closes_total{") && line.contains("send_buffer_overflow"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(3)
    void aBrowserOnAnotherOriginCannotOpenALiveConnection() {
        URI ws = liveEndpoint();
        Throwable thrown = catchThrowable(() -> LiveClient.connect(ws, Map.of("Origin", "https://elsewhere.example")));
        Throwable refused = thrown;
        while (refused != null && !(refused instanceof WebSocketHandshakeException)) {
            refused = refused.getCause();
        }
        assertThat(refused).as("the handshake refused: %s", thrown).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(403);
        try (LiveClient local = LiveClient.connect(ws, Map.of("Origin", "http://localhost:5173"))) {
            assertThat(local.isClosed()).isFalse();
        }
    }

    @Test
    @Order(3)
    void oneTraceIdFollowsARequestThroughTheGatewayTheServiceAndTheConsumersOfItsEventInJsonLinesAndExportedSpans()
            throws Exception {
        String organizer = login("tracey.e2e@example.com");
        activeRoomOfNewApp("app_e2e_traces", organizer, "Known app");
        String requestId = "e2e-trace-" + UUID.randomUUID();

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(platform.gateway("/api/v1/rooms")))
                .header("Authorization", "Bearer " + organizer).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Traced\",\"appId\":\"app_e2e_traces\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // the gateway's line for the request names its trace
        JsonNode atGateway = await("the gateway's line").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> jsonLine("gateway", requestId, "io.eventplatform.access"), java.util.Objects::nonNull);
        String traceId = atGateway.get("traceId").asString();
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(atGateway.get("message").asString()).startsWith("POST /api/v1/rooms -> 201");
        assertThat(atGateway.get("service").get("name").asString()).isEqualTo("gateway");
        // the service behind it and both consumers of the RoomCreated it caused carry the same trace id
        JsonNode atRoomService = await("room-service's line").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> jsonLine("room-service", requestId, "io.eventplatform.access"), java.util.Objects::nonNull);
        assertThat(atRoomService.get("traceId").asString()).isEqualTo(traceId);
        assertThat(atRoomService.get("spanId").asString()).isNotEqualTo(atGateway.get("spanId").asString());
        for (String consumer : List.of("prize-service", "identity-service")) {
            JsonNode consumed = await(consumer + "'s line for the event").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jsonLine(consumer, requestId, "io.eventplatform.consumed"), java.util.Objects::nonNull);
            assertThat(consumed.get("message").asString()).contains("room-replica applied RoomCreated");
            assertThat(consumed.get("traceId").asString()).as(consumer).isEqualTo(traceId);
        }
        // and each of them exported its spans of that trace to the trace backend
        for (String service : List.of("gateway", "room-service", "prize-service", "identity-service")) {
            await(service + " exports its span of the trace").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> platform.traces.hasSpanOf(service, traceId));
        }
    }

    /** Counters that appear with their first event (a dead letter, a refused request); the end-to-end run has none. */
    static final Set<String> COUNTED_ON_FIRST_EVENT = Set.of("platform_events_dead_lettered_total",
            "platform_gateway_rate_limited_total", "platform_gateway_rate_limit_unavailable_total");

    @Test
    @Order(4)
    void everyMetricTheDashboardShowsIsExportedByTheGatewayOrAService() throws Exception {
        Set<String> exported = new java.util.TreeSet<>();
        Set<String> timedListeners = new java.util.TreeSet<>();
        for (int port : List.of(platform.ports.gateway(), platform.ports.identity(), platform.ports.room(), platform.ports.prize())) {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + platform.operatorToken()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            metrics.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
            metrics.body().lines().filter(line -> line.startsWith("spring_kafka_listener_seconds_count{"))
                    .map(line -> line.replaceFirst(".*spring_kafka_listener_id=\"([^\"]*)-\\d+\".*", "$1")).forEach(timedListeners::add);
        }
        // the dashboard's consumers panel: every service's record listeners, by id (prize-service's were once hidden by
        // its batch listener's timer of the same name)
        assertThat(timedListeners).contains("room-service.user-replica", "prize-service.room-replica", "prize-service.user-replica")
                .allMatch(id -> id.matches("[a-z-]+-service\\.[a-z-]+"));
        Set<String> shown = Dashboard.load().metricNames();

        assertThat(shown).contains("http_server_requests_seconds_bucket", "platform_outbox_backlog",
                "kafka_consumer_fetch_manager_records_lag_max", "resilience4j_circuitbreaker_state", "realtime_connections");
        Set<String> missing = new java.util.TreeSet<>(shown);
        missing.removeAll(exported);
        assertThat(missing).as("shown on the dashboard but exported by nobody").isSubsetOf(COUNTED_ON_FIRST_EVENT);
    }

    /** How many lines of the service's log are at level ERROR. */
    private long errorLines(String service) throws IOException {
        return errors(service).size();
    }

    /** The service's log lines at level ERROR, each as its logger, message and error. */
    private List<String> errors(String service) throws IOException {
        return logged(service, "ERROR");
    }

    /** Each line {@code service} logged at {@code level}: its logger, its message and its error's message. */
    private List<String> logged(String service, String level) throws IOException {
        return platform.log(service).lines().filter(line -> line.startsWith("{")).map(json::readTree)
                .filter(line -> line.path("log").path("level").asString("").equals(level))
                .map(line -> line.path("log").path("logger").asString("") + ": " + line.path("message").asString("")
                        + " " + line.path("error").path("message").asString(""))
                .toList();
    }

    /** The JSON line of {@code service}'s log that {@code logger} wrote for the request {@code requestId}, if any. */
    private JsonNode jsonLine(String service, String requestId, String logger) throws IOException {
        for (String line : platform.log(service).split("\n")) {
            if (line.contains(requestId) && line.contains(logger)) {
                JsonNode parsed = json.readTree(line);
                if (logger.equals(parsed.get("log").get("logger").asString())) {
                    return parsed;
                }
            }
        }
        return null;
    }

    /** An admin registers {@code appId}; once room-service knows it, {@code organizer} opens an active room of it. */
    private String activeRoomOfNewApp(String appId, String organizer, String roomName) throws Exception {
        registeredApp(appId, "[\"prizes:write\"]");
        return activeRoom(appId, organizer, roomName);
    }

    /** An admin registers {@code appId} with these permissions (a JSON array); returns its secret. */
    private String registeredApp(String appId, String permissions) throws Exception {
        String manifest = """
                {"meta": {"name": "%s", "version": "1.0.0", "description": "end to end"},
                 "baseUrl": "https://e2e.example.com", "capabilities": ["prizeFund"], "permissions": %s}"""
                .formatted(appId, permissions);
        HttpResponse<String> registered = send("POST", "/api/v1/apps", login("admin@example.com"),
                "{\"appId\":\"" + appId + "\",\"manifest\":" + manifest + "}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json.readTree(registered.body()).get("data").get("appSecret").asString();
    }

    /** Once room-service knows {@code appId}, {@code organizer} opens an active room of it. */
    private String activeRoom(String appId, String organizer, String roomName) throws Exception {
        HttpResponse<String>[] created = new HttpResponse[1];
        await("room-service knows " + appId).atMost(Duration.ofSeconds(5)).until(() -> {
            created[0] = send("POST", "/api/v1/rooms", organizer, "{\"name\":\"" + roomName + "\",\"appId\":\"" + appId + "\"}");
            return created[0].statusCode() == 201;
        });
        String room = "/api/v1/rooms/" + json.readTree(created[0].body()).get("data").get("id").asString();
        assertThat(send("PATCH", room, organizer, "{\"status\":\"active\"}").statusCode()).isEqualTo(200);
        return room;
    }

    /** A prize in {@code room}, created once prize-service knows the room (by its events); returns its id. */
    private String prizeOnceKnown(String room, String organizer, String body) {
        HttpResponse<String>[] prize = new HttpResponse[1];
        await("prize-service knows " + room).atMost(Duration.ofSeconds(5)).until(() -> {
            prize[0] = send("POST", room + "/prizes", organizer, body);
            return prize[0].statusCode() == 201;
        });
        return json.readTree(prize[0].body()).get("data").get("id").asString();
    }

    private String login(String email) throws Exception {
        return loginAt(URI.create(platform.gateway("/api/v1/auth/dev/login")), email);
    }

    /** A dev login at this address (the gateway's or an identity-service instance's); returns the access token. */
    private String loginAt(URI devLogin, String email) throws Exception {
        return accessToken(sendTo(devLogin, "POST", null, "{\"email\":\"" + email + "\"}"));
    }

    // under load after the functional checks, so that their timing does not depend on it
    @Test
    @Order(4)
    void fiveHundredClientsAtOnceAreAllServedAndNoneGetsA503() throws Exception {
        String token = login("crowd@example.com");
        HttpClient crowd = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newCachedThreadPool()).build();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(500);
        try {
            for (int i = 0; i < 500; i++) {
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return crowd.send(HttpRequest.newBuilder(URI.create(platform.gateway("/api/v1/rooms?limit=5")))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            List<HttpResponse<String>> answers = calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
            Map<Integer, Long> statuses = answers.stream().collect(java.util.stream.Collectors.groupingBy(
                    HttpResponse::statusCode, java.util.stream.Collectors.counting()));

            assertThat(statuses).as("the answers other than 200: %s", answers.stream().filter(answer -> answer.statusCode() != 200)
                    .map(HttpResponse::body).distinct().limit(5).toList()).isEqualTo(Map.of(200, 500L));
        } finally {
            pool.shutdownNow();
        }
    }

    // under load after the functional checks, so that their timing does not depend on it
    @Test
    @Order(4)
    void fiftyStalledRequestBodiesDoNotTakeTheRouteOffline() throws Exception {
        List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", platform.ports.gateway());
                socket.getOutputStream().write(("POST /api/v1/auth/refresh HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"refreshToken\":\"")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            // while they hang, everybody else's refresh gets its real answer (401 for an unknown token), never a 503
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> refresh = send("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"rt_unknown\"}");
                assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(401);
            }
        } finally {
            for (java.net.Socket socket : stalled) {
                socket.close();
            }
        }
        for (int i = 0; i < 30; i++) {
            assertThat(send("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"rt_unknown\"}").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void anUnknownPathIsTheGatewaysNotFoundEnvelope() throws Exception {
        String requestId = "e2e-" + UUID.randomUUID();

        HttpResponse<String> response = get("/api/v1/no-such-thing", requestId);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
                "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No such resource\"}}"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        for (String service : SERVICES) {
            assertThat(platform.log(service)).doesNotContain(requestId);
        }
    }

    @Test
    @Order(6)
    void aResetLeavesAMigratedSeededRoomDatabaseWhoseReplicasAreBackButNeverUnderProd() throws Exception {
        // the demo data is there (theDemoDataLoadsThroughEveryService, order 3): olivia organizes 9 demo rooms
        String olivia = login("olivia@example.com");
        String room = activeRoomOfNewApp("app_e2e_reset", olivia, "Gone after the reset");
        String jdbcUrl = "jdbc:postgresql://localhost:" + platform.ports.postgres() + "/room";

        RunningPlatform.Finished underProd = platform.platformWith(Map.of("SPRING_PROFILES_ACTIVE", "prod",
                "DB_URL", jdbcUrl, "DB_USER", "room_service"), "db", "reset", "--service", "room", "--yes", "--force");
        assertThat(underProd.exit()).as(underProd.output()).isEqualTo(2);
        assertThat(underProd.output()).contains("reset refused: the prod profile is active");
        assertThat(send("GET", room, olivia, null).statusCode()).isEqualTo(200);

        String reset = platform.platform("db", "reset", "--service", "room", "--yes");

        assertThat(reset).contains("room-service: schema dropped and migrated again", "room-service: replicas rebuilt",
                "room-service: seeded").doesNotContain("identity-service", "prize-service");
        assertThat(send("GET", room, olivia, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/rooms?mine=true&limit=100", olivia, null).body())
                .get("meta").get("total").asInt()).isEqualTo(9);
        // the app replica is back: a room of a demo app can be created at once
        HttpResponse<String> again = send("POST", "/api/v1/rooms", olivia, "{\"name\":\"After the reset\",\"appId\":\"app_lottery_v1\","
                + "\"appSettings\":{\"ticketCount\":3}}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }

    /** After every functional and load test, before the ones that take a database or a service away on purpose. */
    @Test
    @Order(5)
    void nothingAboveMadeTheGatewayOrAServiceLogAnError() throws Exception {
        for (String service : List.of("gateway", "identity-service", "room-service", "prize-service")) {
            assertThat(errors(service)).as(service).isEmpty();
        }
    }

    /** A start warns about nothing the platform chose on purpose: its API docs are on (docs/api.md). */
    @Test
    @Order(5)
    void noServiceWarnsThatItsApiDocsAreOnByDefault() throws Exception {
        for (String service : List.of("gateway", "identity-service", "room-service", "prize-service")) {
            assertThat(logged(service, "WARN")).as(service).noneMatch(line -> line.startsWith("org.springdoc"));
        }
    }

    @Test
    @Order(7)
    void aServiceThatIsDownIsServiceUnavailableWhileTheOthersKeepWorking() throws Exception {
        ProcessHandle prize = ProcessHandle.of(platform.pid("prize-service")).orElseThrow();
        prize.destroyForcibly();
        prize.onExit().get();

        HttpResponse<String> down = get("/api/v1/rooms/room_1/prizes", null);
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode error = json.readTree(down.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.get("details").get("service").asString()).isEqualTo("prize");

        String requestId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> stillUp = get("/api/v1/rooms", requestId);
        assertThat(stillUp.statusCode()).isNotEqualTo(503);
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.log("room-service").contains(requestId));

        JsonNode health = json.readTree(get("/actuator/health", null).body());
        assertThat(health.get("components").get("prizeService").get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("components").get("roomService").get("status").asString()).isEqualTo("UP");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> platform.output().stream().anyMatch(line -> line.startsWith("prize-service exited unexpectedly")));
    }

    @Test
    @Order(8)
    void whenRoomServiceGoesAwayTheGatewaysLiveClientsAreToldToReconnectAndNewOnesToTryAgainLater() throws Exception {
        URI ws = liveEndpoint();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + login("restart@example.com"));
        try (LiveClient client = LiveClient.connect(ws, auth)) {
            assertThat(client.next("auth").get("userId").asString()).startsWith("usr_");
            ProcessHandle room = ProcessHandle.of(platform.pid("room-service")).orElseThrow();
            room.destroyForcibly();
            room.onExit().get();
            // the gateway's link to the hub ended under its client: "service restart", reconnect and resume
            assertThat(client.awaitClose()).isEqualTo(1012);
        }
        try (LiveClient late = LiveClient.connect(ws, auth)) {
            // a new link cannot be opened: "try again later"
            assertThat(late.awaitClose()).isEqualTo(1013);
        }
    }

    @Test
    @Order(9)
    void stoppingTheLauncherStopsEveryProcessAndReleasesEveryPort() throws Exception {
        List<Long> children = new ArrayList<>();
        for (String service : List.of("gateway", "identity-service", "room-service")) {
            children.add(platform.pid(service));
        }
        children.add(Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim()));

        assertThat(platform.launcher.isAlive()).as("launcher alive before stop").isTrue();
        platform.stop();

        assertThat(platform.output()).contains("Stopping the event platform...", "Stopped.");
        for (long pid : children) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process " + pid).isFalse();
        }
        for (Map.Entry<String, Integer> port : platform.ports.byPart().entrySet()) {
            assertThat(bindable(port.getValue())).as(port.getKey() + " port " + port.getValue() + " released").isTrue();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return sendTo(URI.create(platform.gateway(path)), method, token, body);
    }

    private HttpResponse<String> sendTo(URI uri, String method, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway(path))).timeout(Duration.ofSeconds(15));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean bindable(int port) {
        return StackConfig.Ports.isFree(port);
    }
}
