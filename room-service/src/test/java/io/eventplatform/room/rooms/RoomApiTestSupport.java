package io.eventplatform.room.rooms;

import io.eventplatform.testing.ServiceApiTestSupport;
import org.junit.jupiter.api.BeforeEach;

/** room-service's API tests: the shared service test setup, and the room-service Object Mother. */
abstract class RoomApiTestSupport extends ServiceApiTestSupport {

    RoomWorld world;

    @BeforeEach
    void world() {
        world = new RoomWorld(api, TOKENS, kafka, jdbc);
    }
}
