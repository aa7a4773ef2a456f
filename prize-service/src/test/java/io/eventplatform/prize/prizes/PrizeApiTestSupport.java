package io.eventplatform.prize.prizes;

import io.eventplatform.testing.ApiClient;
import io.eventplatform.testing.TestTokenIssuer;
import io.eventplatform.testing.WithRealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * prize-service on a random port with real PostgreSQL and Kafka, trusting the test token issuer; rooms and
 * participants arrive as room-service publishes them. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure(kafka = true)
abstract class PrizeApiTestSupport {

    static final TestTokenIssuer TOKENS = new TestTokenIssuer();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    PrizeWorld world;

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        world = new PrizeWorld(api, TOKENS, kafka, jdbc);
    }
}
