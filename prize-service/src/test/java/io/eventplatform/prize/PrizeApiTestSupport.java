package io.eventplatform.prize;

import io.eventplatform.testing.ServiceApiTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** prize-service's API tests: the shared service test setup, and the prize-service Object Mother. */
public abstract class PrizeApiTestSupport extends ServiceApiTestSupport {

    /** No room-service here: a port nothing listens on (the look-up of a participant the replica lacks fails). */
    protected static final int NO_ROOM_SERVICE = closedPort();

    protected PrizeWorld world;

    @DynamicPropertySource
    static void noRoomService(DynamicPropertyRegistry registry) {
        registry.add("platform.prize.room-service.url", () -> "http://localhost:" + NO_ROOM_SERVICE);
        // the apps of the webhook tests answer on this machine; their time limit and open circuit kept short
        registry.add("platform.webhooks.allow-private-addresses", () -> "true");
        registry.add("platform.webhooks.timeout", () -> "1s");
        registry.add("platform.webhooks.circuit.open-for", () -> "1s");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void world() {
        world = new PrizeWorld(api, TOKENS, kafka, jdbc);
    }
}
