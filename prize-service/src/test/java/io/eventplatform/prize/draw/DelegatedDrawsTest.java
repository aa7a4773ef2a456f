package io.eventplatform.prize.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import io.eventplatform.testing.Parallel;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Draws in a room whose app selects winners: the app, a real HTTP server, picks; when it hangs, fails, answers
 * something unusable or keeps failing, the platform draws itself and the draw says why.
 */
class DelegatedDrawsTest extends PrizeApiTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void theAppChoosesAndTheDrawSaysSo() throws Exception {
        try (TestApp app = new TestApp(request -> reversedFirst(request, 2))) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            List<String> participants = world.participants(room, 5);
            String prize = world.prize(room, 3).get("id").asString();

            JsonNode draw = draw(room, prize, 2);

            assertThat(draw.get("delegatedToApp").asBoolean()).isTrue();
            assertThat(draw.get("fallbackReason").isNull()).isTrue();
            assertThat(draw.get("algorithm").asString()).isEqualTo("delegated:" + room.appId);
            assertThat(draw.get("seed").isNull()).isTrue();
            assertThat(draw.get("seedHash").isNull()).isTrue();
            assertThat(draw.get("eligibleCount").asInt()).isEqualTo(5);
            JsonNode sent = app.received().get(0).json();
            List<String> sentIds = sent.get("participants").findValuesAsString("id");
            assertThat(sentIds).containsExactlyInAnyOrderElementsOf(participants);
            assertThat(draw.get("winners").findValuesAsString("participantId")).containsExactly(sentIds.get(1), sentIds.get(0));
            assertThat(draw.get("winners").get(0).get("metadata").get("app").get("answeredInMs").asInt()).isEqualTo(901);
            // what the app was sent (docs/webhooks.md)
            assertThat(sent.get("requestId").asString()).startsWith("whr_");
            assertThat(sent.get("roomId").asString()).isEqualTo(room.id);
            assertThat(sent.get("prize").get("id").asString()).isEqualTo(prize);
            assertThat(sent.get("prize").get("quantityRemaining").asInt()).isEqualTo(3);
            assertThat(sent.get("count").asInt()).isEqualTo(2);
            assertThat(sent.get("participants").get(0).has("userId")).isTrue();
            assertThat(Instant.parse(sent.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(app.received().get(0).header("X-Request-Id")).isEqualTo(sent.get("requestId").asString());
            assertThat(api.data(api.get(room.path() + "/prizes/" + prize, room.organizer.token()), 200)
                    .get("quantityRemaining").asInt()).isEqualTo(1);
            assertThat(world.outboxTypes(room.id)).endsWith("WinnerSelected", "WinnerSelected", "PrizeUpdated", "DrawCompleted");
            List<String> eligible = api.data(api.get(room.path() + "/draws/" + draw.get("id").asString() + "/eligible",
                    room.organizer.token()), 200).get("participantIds").valueStream().map(JsonNode::asString).toList();
            assertThat(eligible).containsExactlyElementsOf(sentIds);
        }
    }

    @Test
    void theAppVerifiesTheSignatureWithTheKeyThePlatformPublishes() throws Exception {
        try (TestApp app = new TestApp(TestApp.picksTheFirst(1))) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            world.participants(room, 2);
            draw(room, world.prize(room, 1).get("id").asString(), 1);
            TestApp.Received request = app.received().get(0);

            // as an app does it: the key named by X-Platform-Key-Id, from the public JWKS (no token)
            JsonNode keys = api.body(api.get("/api/v1/webhooks/keys", null), 200);
            JsonNode named = keys.get("keys").valueStream()
                    .filter(key -> key.get("kid").asString().equals(request.header("X-Platform-Key-Id"))).findFirst().orElseThrow();
            PublicKey key = ed25519((OctetKeyPair) JWK.parse(named.toString()));
            long timestamp = Long.parseLong(request.header("X-Platform-Timestamp"));

            assertThat(named.get("kty").asString()).isEqualTo("OKP");
            assertThat(named.has("d")).as("never the private half").isFalse();
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).as("the 5-minute rule").isLessThan(300);
            assertThat(verifies(key, timestamp + "." + new String(request.body(), StandardCharsets.UTF_8),
                    request.header("X-Platform-Signature"))).isTrue();
            assertThat(verifies(key, (timestamp + 1) + "." + new String(request.body(), StandardCharsets.UTF_8),
                    request.header("X-Platform-Signature"))).as("another timestamp").isFalse();
            assertThat(verifies(key, timestamp + "." + new String(request.body(), StandardCharsets.UTF_8).replace("\"count\":1", "\"count\":9"),
                    request.header("X-Platform-Signature"))).as("another body").isFalse();
        }
    }

    @Test
    void anAppThatHangsIsLeftAfterTheTimeLimitAndThePlatformDraws() throws Exception {
        assertFallsBack(request -> TestApp.HANG, "timeout");
    }

    @Test
    void anAppThatFailsIsAnErrorAndThePlatformDraws() throws Exception {
        assertFallsBack(request -> new TestApp.Reply(500, "{\"oops\":true}", Map.of()), "error");
    }

    @Test
    void anAppThatCannotBeReachedIsAnError() throws Exception {
        PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp("http://127.0.0.1:" + NO_ROOM_SERVICE));
        world.participants(room, 2);

        JsonNode draw = draw(room, world.prize(room, 1).get("id").asString(), 1);

        assertThat(draw.get("fallbackReason").asString()).isEqualTo("error");
        assertThat(draw.get("winners")).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotWhatWasAskedIsRejectedAndThePlatformDraws() throws Exception {
        assertFallsBack(request -> TestApp.Reply.ok(winners(request, "part_not_sent", prizeOf(request))), "invalid_response");
        assertFallsBack(request -> TestApp.Reply.ok(winners(request, first(request), prizeOf(request), first(request),
                prizeOf(request))), "invalid_response");
        assertFallsBack(request -> TestApp.Reply.ok(winners(request, first(request), "prz_another")), "invalid_response");
        assertFallsBack(request -> TestApp.Reply.ok("{\"winners\":[]}"), "invalid_response");
        assertFallsBack(request -> TestApp.Reply.ok("not json"), "invalid_response");
    }

    @Test
    void anAnswerWithMoreWinnersThanAskedIsRejected() throws Exception {
        try (TestApp app = new TestApp(TestApp.picksTheFirst(3))) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            world.participants(room, 4);

            JsonNode draw = draw(room, world.prize(room, 5).get("id").asString(), 2);

            assertThat(draw.get("fallbackReason").asString()).isEqualTo("invalid_response");
            assertThat(draw.get("winners")).hasSize(2);
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (TestApp elsewhere = new TestApp(TestApp.picksTheFirst(1));
             TestApp app = new TestApp(request -> new TestApp.Reply(307, "", Map.of("Location", elsewhere.baseUrl() + "/select")))) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            world.participants(room, 2);

            JsonNode draw = draw(room, world.prize(room, 1).get("id").asString(), 1);

            assertThat(draw.get("fallbackReason").asString()).isEqualTo("error");
            assertThat(app.received()).hasSize(1);
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void aDeactivatedAppIsNotAsked() throws Exception {
        try (TestApp app = new TestApp(TestApp.picksTheFirst(1))) {
            String appId = world.winnerSelectingApp(app.baseUrl());
            PrizeWorld.Room room = world.activeRoomOf(appId);
            world.participants(room, 2);
            world.deactivate(appId, app.baseUrl());

            JsonNode draw = draw(room, world.prize(room, 1).get("id").asString(), 1);

            assertThat(draw.get("fallbackReason").asString()).isEqualTo("app_inactive");
            assertThat(app.received()).isEmpty();
        }
    }

    @Test
    void anAppThatKeepsFailingIsNotCalledForAWhileAndThenAgain() throws Exception {
        try (TestApp app = new TestApp(request -> new TestApp.Reply(503, "", Map.of()))) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            // each draw's winner is left out of the next ones: enough participants for every draw of the test
            world.participants(room, 60);
            String prize = world.prize(room, 60).get("id").asString();
            for (int i = 0; i < 5; i++) {
                assertThat(draw(room, prize, 1).get("fallbackReason").asString()).isEqualTo("error");
            }

            JsonNode open = draw(room, prize, 1);

            assertThat(open.get("fallbackReason").asString()).isEqualTo("circuit_open");
            assertThat(app.received()).hasSize(5);
            app.answers(TestApp.picksTheFirst(1));
            List<String> reasons = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode later = draw(room, prize, 1);
                reasons.add(later.get("fallbackReason").asString(null));
                return later.get("delegatedToApp").asBoolean();
            });
            assertThat(reasons.subList(0, reasons.size() - 1)).containsOnly("circuit_open");
            assertThat(app.received()).as("one trial call after the open time").hasSize(6);
            // what an operator sees per app (/actuator/prometheus)
            assertThat(meters.get("platform.webhooks.calls").tags("app", room.appId, "outcome", "error").timer().count()).isEqualTo(5);
            assertThat(meters.get("platform.webhooks.calls").tags("app", room.appId, "outcome", "circuit_open").timer().count())
                    .isEqualTo(reasons.size());
            assertThat(meters.get("platform.webhooks.calls").tags("app", room.appId, "outcome", "ok").timer().count()).isEqualTo(1);
            assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", room.appId, "state", "closed").gauge().value())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void twentyParallelDelegatedDrawsOnFiveUnitsMakeExactlyFiveWinners() throws Exception {
        try (TestApp app = new TestApp(TestApp.picksTheFirst(5))) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            world.participants(room, 30);
            String prize = world.prize(room, 5).get("id").asString();

            Map<Integer, Long> statuses = Parallel.statuses(20, i -> api.post(room.path() + "/draws", room.organizer.token(),
                    "{\"prizeId\":\"" + prize + "\"}"));

            assertThat(statuses.keySet()).containsOnly(201, 409);
            assertThat(world.count("SELECT count(*) FROM winners WHERE prize_id = ? AND deleted_at IS NULL", prize)).isEqualTo(5);
            assertThat(world.count("SELECT count(DISTINCT participant_id) FROM winners WHERE prize_id = ?", prize)).isEqualTo(5);
            assertThat(api.data(api.get(room.path() + "/prizes/" + prize, room.organizer.token()), 200)
                    .get("quantityRemaining").asInt()).isZero();
        }
    }

    private void assertFallsBack(Function<JsonNode, TestApp.Reply> answer, String reason) throws Exception {
        try (TestApp app = new TestApp(answer)) {
            PrizeWorld.Room room = world.activeRoomOf(world.winnerSelectingApp(app.baseUrl()));
            List<String> participants = world.participants(room, 4);

            JsonNode draw = draw(room, world.prize(room, 2).get("id").asString(), 2);

            assertThat(app.received()).as(reason).hasSize(1);
            assertThat(draw.get("delegatedToApp").asBoolean()).isFalse();
            assertThat(draw.get("fallbackReason").asString()).isEqualTo(reason);
            assertThat(draw.get("algorithm").asString()).isEqualTo("fisher-yates-sha256-v1");
            assertThat(draw.get("seed").asString()).hasSize(64);
            assertThat(draw.get("winners")).hasSize(2);
            assertThat(participants).containsAll(draw.get("winners").findValuesAsString("participantId"));
        }
    }

    private JsonNode draw(PrizeWorld.Room room, String prize, int count) {
        return api.data(api.post(room.path() + "/draws", room.organizer.token(),
                "{\"prizeId\":\"" + prize + "\",\"count\":" + count + "}"), 201);
    }

    private static TestApp.Reply reversedFirst(JsonNode request, int n) {
        List<String> ids = request.get("participants").findValuesAsString("id").subList(0, n);
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        StringBuilder winners = new StringBuilder();
        for (String id : reversed) {
            winners.append(winners.isEmpty() ? "" : ",").append("{\"participantId\":\"").append(id).append("\",\"prizeId\":\"")
                    .append(prizeOf(request)).append("\",\"metadata\":{\"answeredInMs\":").append(900 + ids.indexOf(id)).append("}}");
        }
        return TestApp.Reply.ok("{\"winners\":[" + winners + "]}");
    }

    private static String winners(JsonNode request, String... participantAndPrize) {
        StringBuilder winners = new StringBuilder();
        for (int i = 0; i < participantAndPrize.length; i += 2) {
            winners.append(i == 0 ? "" : ",").append("{\"participantId\":\"").append(participantAndPrize[i])
                    .append("\",\"prizeId\":\"").append(participantAndPrize[i + 1]).append("\"}");
        }
        return "{\"winners\":[" + winners + "]}";
    }

    private static String first(JsonNode request) {
        return request.get("participants").get(0).get("id").asString();
    }

    private static String prizeOf(JsonNode request) {
        return request.get("prize").get("id").asString();
    }

    private static PublicKey ed25519(OctetKeyPair jwk) throws Exception {
        byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] x = jwk.getDecodedX();
        byte[] encoded = new byte[prefix.length + x.length];
        System.arraycopy(prefix, 0, encoded, 0, prefix.length);
        System.arraycopy(x, 0, encoded, prefix.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static boolean verifies(PublicKey key, String signed, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(signature));
    }
}
