package io.eventplatform.room.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import io.eventplatform.testing.LiveClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/** A client that stops reading is closed with 4408 once its send buffer overflows; the others get everything. */
class SlowClientsTest extends RoomApiTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientThatNeverReadsIsClosedWith4408AndAFastOneMissesNothing() {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        Counter overflows = meters.counter("realtime.closes", "reason", "send_buffer_overflow");
        double before = overflows.count();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + organizer.token());
        try (LiveClient fast = LiveClient.connect(LiveClient.endpoint(port), auth);
             LiveClient stuck = LiveClient.connectNotReading(LiveClient.endpoint(port), auth)) {
            fast.next("auth");
            fast.subscribe(roomId, null);
            String subscribe = "{\"id\":\"s\",\"type\":\"room:subscribe\",\"roomId\":\"" + roomId + "\"}";
            stuck.send(subscribe);

            ObjectNode data = (ObjectNode) api.json("{}");
            data.put("filler", "x".repeat(2_000));
            List<String> published = new ArrayList<>();
            // the socket buffers on both sides take some megabytes before the send buffer (64 KB here) fills:
            // publish in bursts the fast client takes in stride, until the stuck one overflowed
            for (int burst = 0; burst < 400 && overflows.count() == before; burst++) {
                for (int i = 0; i < 20; i++) {
                    EventEnvelope<EventData.AppEventPublished> event = EventEnvelope.of(EventType.APP_EVENT_PUBLISHED,
                            "room-service", roomId, 0, roomId, new EventData.AppEventPublished(roomId, app.appId(),
                                    app.appId() + ":tick", data));
                    world.publish(event);
                    published.add(event.id().toString());
                }
                String last = published.get(published.size() - 1);
                fast.next(m -> m.path("eventId").asString("").equals(last));
            }
            stuck.startReading();
            assertThat(stuck.awaitClose()).isEqualTo(4408);
            assertThat(fast.isClosed()).isFalse();
            List<String> delivered = fast.received().stream().filter(m -> m.path("type").asString("").endsWith(":tick"))
                    .map(m -> m.path("eventId").asString()).toList();
            assertThat(delivered).isEqualTo(published);
        }
    }
}
