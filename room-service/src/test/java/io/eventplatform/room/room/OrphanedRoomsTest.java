package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * A room never stays live without an organizer or on a deleted app, however a creation and a deletion race
 * (ADR 0010): each race is run many times, with the deletion arriving as identity-service's event.
 */
class OrphanedRoomsTest extends RoomApiTestSupport {

    static final int ROUNDS = 20;
    static final String BODY = "{\"name\":\"Race\",\"appId\":\"%s\",\"appSettings\":{\"ticketCount\":5}}";

    @Test
    void aRoomCreatedWhileItsOrganizerIsDeletedEndsCancelledOrIsRefused() throws Exception {
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            RoomWorld.User ada = world.registeredUser("ada");
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<HttpResponse<String>> create = CompletableFuture.supplyAsync(() -> {
                meet(start);
                return api.post("/api/v1/rooms", ada.token(), BODY.formatted(lottery.appId()));
            });
            meet(start);
            world.deleteUser(ada);
            HttpResponse<String> created = create.join();
            statuses.add(created.statusCode());

            assertThat(created.statusCode()).as(created.body()).isIn(201, 422);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    world.count("SELECT count(*) FROM replica_users WHERE id = ? AND deleted", ada.id()) == 1
                            && world.count("SELECT count(*) FROM rooms WHERE created_by = ? AND status IN ('DRAFT', 'ACTIVE')", ada.id()) == 0);
            if (created.statusCode() == 201) {
                String roomId = api.json(created.body()).get("data").get("id").asString();
                assertThat(world.count("""
                        SELECT count(*) FROM outbox_events WHERE event_type = 'RoomStatusChanged' AND message_key = ?
                           AND payload::jsonb -> 'data' ->> 'newStatus' = 'cancelled'""", roomId)).isEqualTo(1);
            }
        }
        assertThat(statuses).hasSize(ROUNDS);
    }

    @Test
    void aRoomCreatedWhileItsAppIsDeletedEndsCancelledOrIsRefused() throws Exception {
        RoomWorld.User ada = world.registeredUser("ada");
        for (int round = 0; round < ROUNDS; round++) {
            RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<HttpResponse<String>> create = CompletableFuture.supplyAsync(() -> {
                meet(start);
                return api.post("/api/v1/rooms", ada.token(), BODY.formatted(lottery.appId()));
            });
            meet(start);
            world.deleteApp(lottery.appId(), 2);
            HttpResponse<String> created = create.join();

            assertThat(created.statusCode()).as(created.body()).isIn(201, 422);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    world.count("SELECT count(*) FROM replica_apps WHERE app_id = ? AND deleted", lottery.appId()) == 1
                            && world.count("SELECT count(*) FROM rooms WHERE app_id = ? AND status IN ('DRAFT', 'ACTIVE')", lottery.appId()) == 0);
        }
    }

    @Test
    void aRoomWithAnotherOrganizerLivesOnAndOnlyTheDeletedUserLeaves() {
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        RoomWorld.User ada = world.registeredUser("ada");
        RoomWorld.User bob = world.registeredUser("bob");
        String roomId = world.room(ada, lottery.appId(), true, "active").get("id").asString();
        world.add(ada, roomId, bob, "participant");
        jdbc.update("UPDATE participants SET role = 'ORGANIZER' WHERE room_id = ? AND user_id = ?", roomId, bob.id());

        world.deleteUser(ada);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                world.count("SELECT count(*) FROM participants WHERE room_id = ? AND user_id = ? AND deleted_at IS NULL", roomId, ada.id()) == 0);
        assertThat(world.count("SELECT count(*) FROM rooms WHERE id = ? AND status = 'ACTIVE'", roomId)).isEqualTo(1);
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
