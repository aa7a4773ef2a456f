package io.eventplatform.room.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import io.eventplatform.testing.LiveClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A client that drops and comes back with {@code since} gets every event exactly once, in order. */
class ResumeTest extends RoomApiTestSupport {

    private LiveClient connected(RoomWorld.User user) {
        LiveClient client = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + user.token()));
        client.next("auth");
        return client;
    }

    private void rename(RoomWorld.User organizer, String roomId, int n) {
        api.data(api.patch("/api/v1/rooms/" + roomId, organizer.token(), "{\"name\":\"Party " + n + "\"}"), 200);
    }

    private static List<String> roomEventIds(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.path("type").asString("").startsWith("room:"))
                .map(m -> m.path("eventId").asString()).toList();
    }

    @Test
    void eventsCommittedWhileAwayAndWhileResubscribingArriveOnceInOrder() {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        try (LiveClient witness = connected(organizer)) {
            witness.subscribe(roomId, null);
            LiveClient phone = connected(organizer);
            phone.subscribe(roomId, null);
            rename(organizer, roomId, 1);
            String lastSeen = phone.next("room:updated").path("eventId").asString();
            witness.next("room:updated");
            List<String> seen = new ArrayList<>(roomEventIds(phone.received()));
            phone.close();

            for (int n = 2; n <= 4; n++) { // while the phone is away
                rename(organizer, roomId, n);
            }
            CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> { // while it re-subscribes
                for (int n = 5; n <= 12; n++) {
                    rename(organizer, roomId, n);
                }
            });
            try (LiveClient back = connected(organizer)) {
                JsonNode ack = back.subscribe(roomId, lastSeen);
                assertThat(ack.path("ok").asBoolean()).isTrue();
                assertThat(ack.path("replay").asString()).isEqualTo("complete");
                meanwhile.join();
                rename(organizer, roomId, 13); // and after
                JsonNode last = witness.next(m -> m.path("data").path("changes").path("name").asString("").equals("Party 13"));
                back.next(m -> m.path("eventId").asString("").equals(last.path("eventId").asString()));

                List<String> everything = roomEventIds(witness.received());
                List<String> resumed = new ArrayList<>(seen);
                List<JsonNode> afterResume = back.received();
                int ackAt = afterResume.indexOf(ack);
                resumed.addAll(roomEventIds(afterResume.subList(ackAt + 1, afterResume.size())));
                assertThat(resumed).hasSize(13).doesNotHaveDuplicates().isEqualTo(everything);
            }
        }
    }

    @Test
    void anUnknownOrTooOldSinceSaysTruncated() {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        try (LiveClient client = connected(organizer)) {
            JsonNode ack = client.subscribe(roomId, "00000000-0000-0000-0000-000000000000");
            assertThat(ack.path("ok").asBoolean()).isTrue();
            assertThat(ack.path("replay").asString()).isEqualTo("truncated");
            rename(organizer, roomId, 1);
            assertThat(client.next("room:updated").path("data").path("changes").path("name").asString()).isEqualTo("Party 1");
        }
    }
}
