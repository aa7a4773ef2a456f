package io.eventplatform.room;

import io.eventplatform.testing.ServiceApiTestSupport;
import org.junit.jupiter.api.BeforeEach;

/** room-service's API tests: the shared service test setup, and the room-service Object Mother. */
public abstract class RoomApiTestSupport extends ServiceApiTestSupport {

    protected RoomWorld world;

    @BeforeEach
    void world() {
        world = new RoomWorld(api, TOKENS, kafka, jdbc);
    }
}
