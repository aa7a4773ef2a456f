package io.eventplatform.room.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomServiceApplication;
import io.eventplatform.room.RoomWorld;
import io.eventplatform.testing.LiveClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** A second room-service instance on the same database and broker: clients of either get every event. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest extends RoomApiTestSupport {

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext second;

    private int secondPort() {
        if (second == null) {
            // as command-line arguments: they win over application.yml, as the test's own properties do
            String[] shared = Stream.concat(Stream.of("spring.datasource.url", "spring.datasource.username",
                                    "spring.datasource.password", "spring.kafka.bootstrap-servers", "platform.security.jwks-uri",
                                    "platform.security.issuer").map(key -> "--" + key + "=" + environment.getProperty(key)),
                            Stream.of("--server.port=0"))
                    .toArray(String[]::new);
            second = new SpringApplicationBuilder(RoomServiceApplication.class).run(shared);
        }
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachInstanceDeliversEveryEventToItsOwnClients() {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + organizer.token());
        try (LiveClient here = LiveClient.connect(LiveClient.endpoint(port), auth);
             LiveClient there = LiveClient.connect(LiveClient.endpoint(secondPort()), auth)) {
            here.next("auth");
            there.next("auth");
            here.subscribe(roomId, null);
            there.subscribe(roomId, null);
            for (int n = 1; n <= 5; n++) { // written by this instance; the other learns them from Kafka only
                api.data(api.patch("/api/v1/rooms/" + roomId, organizer.token(), "{\"name\":\"Party " + n + "\"}"), 200);
            }
            JsonNode lastHere = here.next(m -> m.path("data").path("room").path("name").asString("").equals("Party 5"));
            JsonNode lastThere = there.next(m -> m.path("data").path("room").path("name").asString("").equals("Party 5"));
            assertThat(lastThere).isEqualTo(lastHere);
            assertThat(updates(there.received())).hasSize(5).isEqualTo(updates(here.received()));
        }
    }

    private static List<String> updates(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.path("type").asString("").equals("room:updated"))
                .map(m -> m.path("eventId").asString()).toList();
    }
}
