package io.eventplatform.support.security;

import io.eventplatform.testing.TestTokenIssuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.security.OperatorToken;
import io.eventplatform.testing.WithRealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** docs/auth.md's token rules, enforced by every service, and revocations that reach every instance at once. */
@SpringBootTest(classes = SecuredTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=secured-test", "platform.security.jwks-refetch-interval=1s",
                // SHA-256 of "operator-test-token"
                "platform.security.operator-token-sha256=" + TokenVerificationTest.OPERATOR_HASH})
@WithRealInfrastructure(kafka = true)
class TokenVerificationTest {

    static final TestTokenIssuer tokens = new TestTokenIssuer();
    static final String OPERATOR_TOKEN = "operator-test-token";
    static final String OPERATOR_HASH = "8ab817b57342c26ffe488f3496c34d72b47ac4140f5dbcf16e9cb38c3390a2ba";

    @LocalServerPort
    int port;

    @Autowired Environment environment;
    @Autowired KafkaTemplate<String, String> kafka;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void tokenSource(DynamicPropertyRegistry registry) {
        tokens.register(registry);
    }

    @AfterAll
    static void stopJwks() {
        tokens.close();
    }

    @Test
    void aValidTokenPasses() throws Exception {
        HttpResponse<String> response = whoami(port, tokens.token(claims -> claims.subject("usr_ada")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("usr_ada");
    }

    static Stream<Arguments> rejected() {
        Instant past = Instant.now().minus(10, ChronoUnit.MINUTES);
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("not a JWT", "Bearer not-a-token"),
                Arguments.of("alg none", "Bearer " + TestTokenIssuer.unsigned()),
                Arguments.of("HMAC", "Bearer " + TestTokenIssuer.hmac("key-1")),
                Arguments.of("wrong issuer", "Bearer " + tokens.token(claims -> claims.issuer("http://evil.test"))),
                Arguments.of("wrong audience", "Bearer " + tokens.token(claims -> claims.audience("another-api"))),
                Arguments.of("expired beyond the skew", "Bearer " + tokens.token(claims -> claims
                        .issueTime(Date.from(past.minusSeconds(3600))).expirationTime(Date.from(past)))),
                Arguments.of("no expiry", "Bearer " + tokens.token(claims -> claims.expirationTime(null))),
                Arguments.of("unknown key", "Bearer " + TestTokenIssuer.sign(TestTokenIssuer.newKey("key-unknown"), claims -> { })),
                Arguments.of("known kid, other key", "Bearer " + TestTokenIssuer.sign(TestTokenIssuer.newKey("key-1"), claims -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void everyRejectionRuleAnswers401InTheEnvelope(String rule, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, "/api/v1/whoami"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Authentication is required\"}}");
    }

    @Test
    void theOperationalEndpointsTakeTheOperatorsTokenAndNoPlatformTokenButHealthIsOpen() throws Exception {
        assertThat(OperatorToken.hashOf(OPERATOR_TOKEN)).isEqualTo(OPERATOR_HASH);
        String admin = tokens.token(claims -> claims.claim("typ", "user").claim("prole", "admin"));

        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        // readiness may be DOWN for a moment (the revocation feed), but it answers without any token
        assertThat(get("/actuator/health/readiness", null).statusCode()).isIn(200, 503);
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/info"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).contains("UNAUTHORIZED");
            assertThat(get(path, "Bearer " + admin).statusCode()).as(path + " with a platform admin's token").isEqualTo(401);
            assertThat(get(path, "Bearer not-the-operator").statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> metrics = get("/actuator/prometheus", "Bearer " + OPERATOR_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void replayingAnUnknownTopicIsNotFound() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri(port, "/actuator/deadletters/no.such.topic"))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("NOT_FOUND").contains(Topics.ROOMS);
    }

    @Test
    void aKeySetThatCannotBeFetchedMeansUnauthorizedNotAServerError() throws Exception {
        try (ConfigurableApplicationContext blind = instance("http://localhost:1/.well-known/jwks.json")) {
            int blindPort = Integer.parseInt(blind.getEnvironment().getProperty("local.server.port"));

            assertThat(whoami(blindPort, tokens.token(claims -> { })).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aTokenSignedWithANewlyPublishedKeyIsAccepted() throws Exception {
        assertThat(whoami(port, tokens.token(claims -> { })).statusCode()).isEqualTo(200);

        RSAKey rotated = tokens.publishNewKey("key-2");

        // other tests here send tokens with unknown key ids, which may have used up this second's two fetches
        String signedWithTheNewKey = TestTokenIssuer.sign(rotated, claims -> { });
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> whoami(port, signedWithTheNewKey).statusCode() == 200);
    }

    @Test
    void aRevokedTokenIsRefusedByAnotherInstanceWithinASecondAndByAFreshInstanceFromItsStart() throws Exception {
        String jti = UUID.randomUUID().toString();
        String token = tokens.token(claims -> claims.jwtID(jti));
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            await().atMost(Duration.ofSeconds(30)).until(() -> ready(secondPort));
            assertThat(whoami(secondPort, token).statusCode()).isEqualTo(200);

            revoke(jti);

            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                    .until(() -> whoami(secondPort, token).statusCode() == 401);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                    .until(() -> whoami(port, token).statusCode() == 401);
        }
        try (ConfigurableApplicationContext fresh = secondInstance()) {
            int freshPort = Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port"));
            await().atMost(Duration.ofSeconds(30)).until(() -> ready(freshPort));

            assertThat(whoami(freshPort, token).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void revokingASessionOrASubjectRefusesTheirTokens() throws Exception {
        String session = "ses_" + UUID.randomUUID();
        String sessionToken = tokens.token(claims -> claims.claim("sid", session));
        String subjectToken = tokens.token(claims -> claims.subject("usr_leaving"));
        Instant exp = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);

        send(EventEnvelope.of(EventType.SESSION_REVOKED, "identity-service", "usr_test", 1, null,
                new EventData.SessionRevoked(session, "usr_test", exp)));
        send(EventEnvelope.of(EventType.SUBJECT_TOKENS_REVOKED, "identity-service", "usr_leaving", 1, null,
                new EventData.SubjectTokensRevoked("usr_leaving", Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS))));

        await().atMost(Duration.ofSeconds(5)).until(() -> whoami(port, sessionToken).statusCode() == 401);
        await().atMost(Duration.ofSeconds(5)).until(() -> whoami(port, subjectToken).statusCode() == 401);
        assertThat(whoami(port, tokens.token(claims -> { })).statusCode()).isEqualTo(200);
    }

    private void revoke(String jti) {
        send(EventEnvelope.of(EventType.TOKEN_REVOKED, "identity-service", "usr_test", 1, null,
                new EventData.TokenRevoked(jti, "usr_test", Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS))));
    }

    private void send(EventEnvelope<?> event) {
        kafka.send(new ProducerRecord<>(Topics.IDENTITY_REVOCATIONS, event.aggregateId(), EventJson.write(event))).join();
    }

    private ConfigurableApplicationContext secondInstance() {
        return instance(tokens.jwksUri());
    }

    /** Another instance of the service on the same database and Kafka, as a second replica would run. */
    private ConfigurableApplicationContext instance(String jwksUri) {
        return new SpringApplicationBuilder(SecuredTestService.class).run(
                "--server.port=0",
                "--spring.application.name=secured-test",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--platform.security.jwks-uri=" + jwksUri,
                "--platform.security.issuer=" + TestTokenIssuer.ISSUER);
    }

    private boolean ready(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> whoami(int port, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(port, "/api/v1/whoami")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
