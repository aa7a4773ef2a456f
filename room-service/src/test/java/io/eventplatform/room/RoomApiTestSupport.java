package io.eventplatform.room;

import io.eventplatform.testing.ServiceApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * room-service's API tests: the shared service test setup, and the room-service Object Mother. The live hub's send
 * buffer, app-event rate and rooms per connection are small here, so the tests reach them with few events and rooms.
 */
@TestPropertySource(properties = {"platform.realtime.send-buffer=64KB", "platform.realtime.app-events-per-second=3",
        "platform.realtime.rooms-per-connection=3"})
public abstract class RoomApiTestSupport extends ServiceApiTestSupport {

    protected RoomWorld world;

    @BeforeEach
    void world() {
        world = new RoomWorld(api, TOKENS, kafka, jdbc);
    }
}
