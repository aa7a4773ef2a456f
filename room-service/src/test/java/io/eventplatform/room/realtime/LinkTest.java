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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway's link (docs/realtime.md "The gateway's link"), spoken by a real WebSocket client: its clients
 * authenticate, subscribe and get what a direct client gets, a message for several of them crossing the link once.
 */
class LinkTest extends RoomApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    private RoomWorld.User organizer;
    private RoomWorld.User guest;
    private RoomWorld.App app;
    private String roomId;

    @BeforeEach
    void room() {
        organizer = world.registeredUser("organizer");
        guest = world.registeredUser("guest");
        app = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
    }

    @Test
    void aMessageForSeveralOfAGatewaysClientsCrossesTheLinkOnceAndIsWhatADirectClientGets() {
        try (GatewayLink link = GatewayLink.open(port);
             LiveClient direct = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + organizer.token()))) {
            direct.next("auth");
            direct.subscribe(roomId, null);
            link.send("O 1\n" + organizer.token()); // the token on the upgrade
            assertThat(link.message(1, "auth").path("userId").asString()).isEqualTo(organizer.id());
            link.send("O 2\n"); // none: the auth message
            link.send("M 2\n{\"type\":\"auth\",\"token\":\"" + guest.token() + "\"}");
            assertThat(link.message(2, "auth").path("userId").asString()).isEqualTo(guest.id());
            for (int client : List.of(1, 2)) {
                link.send("M " + client + "\n{\"id\":\"s" + client + "\",\"type\":\"room:subscribe\",\"roomId\":\"" + roomId + "\"}");
                JsonNode ack = link.message(client, "ack");
                assertThat(ack.path("id").asString()).isEqualTo("s" + client);
                assertThat(ack.path("ok").asBoolean()).isTrue();
            }

            EventEnvelope<EventData.AppEventPublished> event = appEvent();
            world.publish(event);
            Frame once = link.next(frame -> frame.text().contains(event.id().toString()));
            assertThat(once.header()).isEqualTo("D 1,2");
            JsonNode atDirect = direct.next(message -> message.path("eventId").asString("").equals(event.id().toString()));
            assertThat(JSON.readTree(once.text())).isEqualTo(atDirect);
            assertThat(link.frames()).filteredOn(frame -> frame.text().contains(event.id().toString())).hasSize(1);
        }
    }

    @Test
    void aClientTheGatewayReportsGoneGoesOfflineAndOneItClosedForItsSendBufferIsCounted() {
        Counter overflows = meters.counter("realtime.closes", "reason", "send_buffer_overflow");
        double before = overflows.count();
        try (GatewayLink link = GatewayLink.open(port);
             LiveClient direct = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + organizer.token()))) {
            direct.next("auth");
            direct.subscribe(roomId, null);
            guestSubscribedOver(link, 7, direct);

            link.send("C 7 4408");
            assertThat(direct.next("presence:user_offline").path("data").path("userId").asString()).isEqualTo(guest.id());
            assertThat(overflows.count()).isEqualTo(before + 1);
            EventEnvelope<EventData.AppEventPublished> event = appEvent();
            world.publish(event);
            direct.next(message -> message.path("eventId").asString("").equals(event.id().toString()));
            assertThat(link.frames()).noneMatch(frame -> frame.text().contains(event.id().toString()));
        }
    }

    @Test
    void aBadTokenOrAMessageTooLongClosesOnlyThatClientAfterItsAnswer() {
        try (GatewayLink link = GatewayLink.open(port)) {
            link.send("O 3\n" + organizer.token() + "x");
            assertThat(link.message(3, "auth").path("ok").asBoolean()).isFalse();
            assertThat(link.next(frame -> frame.header().startsWith("X 3 ")).header()).isEqualTo("X 3 4401");

            link.send("O 4\n" + organizer.token());
            link.message(4, "auth");
            link.send("M 4\n" + "x".repeat(RealtimeConfiguration.MAX_CLIENT_MESSAGE + 1));
            assertThat(link.next(frame -> frame.header().startsWith("X 4 ")).header()).isEqualTo("X 4 1009");

            link.send("O 5\n" + organizer.token()); // the link and its other clients carry on
            link.message(5, "auth");
            link.send("M 5\n{\"type\":\"ping\"}");
            assertThat(link.message(5, "pong")).isNotNull();
        }
    }

    @Test
    void whenTheLinkClosesEachOfItsClientsIsGone() {
        try (LiveClient direct = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + organizer.token()))) {
            direct.next("auth");
            direct.subscribe(roomId, null);
            try (GatewayLink link = GatewayLink.open(port)) {
                guestSubscribedOver(link, 1, direct);
            }
            assertThat(direct.next("presence:user_offline").path("data").path("userId").asString()).isEqualTo(guest.id());
        }
    }

    /** The guest connects as the link's client {@code number} and subscribes; the direct client sees them online. */
    private void guestSubscribedOver(GatewayLink link, long number, LiveClient direct) {
        link.send("O " + number + "\n" + guest.token());
        link.message(number, "auth");
        link.send("M " + number + "\n{\"id\":\"s\",\"type\":\"room:subscribe\",\"roomId\":\"" + roomId + "\"}");
        link.message(number, "ack");
        direct.next(message -> message.path("type").asString("").equals("presence:user_online")
                && message.path("data").path("user").path("id").asString("").equals(guest.id()));
    }

    private EventEnvelope<EventData.AppEventPublished> appEvent() {
        ObjectNode data = (ObjectNode) api.json("{\"round\":1}");
        return EventEnvelope.of(EventType.APP_EVENT_PUBLISHED, "room-service", roomId, 0, roomId,
                new EventData.AppEventPublished(roomId, app.appId(), app.appId() + ":tick", data));
    }

    /** A frame from room-service: its header line and the message after it (empty when none). */
    record Frame(String header, String text) {
    }

    /** The gateway's side of a link, as a test speaks it. */
    static final class GatewayLink implements AutoCloseable {

        private static final Duration WAIT = Duration.ofSeconds(15);
        private final LinkedBlockingQueue<Frame> pending = new LinkedBlockingQueue<>();
        private final List<Frame> frames = new ArrayList<>();
        private final WebSocket socket;

        private GatewayLink(int port) {
            URI uri = URI.create("ws://localhost:" + port + LiveLinks.PATH);
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String frame = partial.toString();
                        partial.setLength(0);
                        int newline = frame.indexOf('\n');
                        Frame parsed = newline < 0 ? new Frame(frame, "") : new Frame(frame.substring(0, newline), frame.substring(newline + 1));
                        synchronized (frames) {
                            frames.add(parsed);
                        }
                        pending.add(parsed);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).orTimeout(15, TimeUnit.SECONDS).join();
        }

        static GatewayLink open(int port) {
            return new GatewayLink(port);
        }

        void send(String frame) {
            socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
        }

        /** The next message of this type for the client {@code number} alone. */
        JsonNode message(long number, String type) {
            Frame frame = next(candidate -> candidate.header().equals("D " + number)
                    && JSON.readTree(candidate.text()).path("type").asString("").equals(type));
            return JSON.readTree(frame.text());
        }

        Frame next(Predicate<Frame> wanted) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Frame frame;
                try {
                    long left = deadline - System.nanoTime();
                    frame = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (frame == null) {
                    throw new AssertionError("no such frame within " + WAIT + "; received " + frames());
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        }

        List<Frame> frames() {
            synchronized (frames) {
                return List.copyOf(frames);
            }
        }

        @Override
        public void close() {
            CompletableFuture<WebSocket> closing = socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
            closing.orTimeout(10, TimeUnit.SECONDS).exceptionally(error -> socket).join();
        }
    }
}
