package io.eventplatform.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of a domain service's API tests: the service on a random port with real PostgreSQL and Kafka, trusting the
 * test token issuer, with an HTTP client; the service's {@link TestWorld} plays the other services. Every subclass
 * in a service shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure(kafka = true)
public abstract class ServiceApiTestSupport {

    protected static final TestTokenIssuer TOKENS = new TestTokenIssuer();

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @BeforeEach
    void apiClient() {
        api = new ApiClient(port);
    }
}
