package io.eventplatform.prize.draw;

import io.eventplatform.contracts.access.AppCapability;
import io.eventplatform.contracts.draws.FisherYatesSha256;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.prize.replica.RoomApps;
import io.eventplatform.prize.replica.RoomGate;
import io.eventplatform.prize.webhook.AppWebhooks;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.validation.FreeFormJson;
import io.eventplatform.support.validation.Text;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A draw handed to the room's app, when the manifest version the room is locked to declares {@code winnerSelection}
 * (docs/webhooks.md). {@link #ask} runs before the draw's transaction — no row lock is held while the app thinks —
 * and sends the eligible participants as they are then; {@link #decide} runs under the prize's lock and accepts the
 * app's winners only if they are still eligible; otherwise, or when the app failed, the platform draws itself and
 * the draw says why ({@code fallbackReason}).
 */
@Component
class AppChoice {

    /** The app is deactivated or deleted: it is not asked. */
    static final String APP_INACTIVE = "app_inactive";

    private static final Logger log = LoggerFactory.getLogger(AppChoice.class);
    private static final int METADATA_MAX_BYTES = PrizeFund.METADATA_MAX_BYTES - 1024; // room for drawNumber, algorithm

    /** What the app was asked (the eligible ids as sent, sorted) and what came of it. */
    record Asked(String appId, List<String> sentSorted, String sentDigest, AppWebhooks.Outcome<Answer> outcome) {
    }

    /** The app's winners in its order, with the metadata it gave each. */
    record Answer(List<String> winners, Map<String, JsonNode> metadata) {
    }

    private final RoomApps apps;
    private final Draws draws;
    private final AppWebhooks webhooks;
    private final Clock clock = Clock.systemUTC();

    AppChoice(RoomApps apps, Draws draws, AppWebhooks webhooks) {
        this.apps = apps;
        this.draws = draws;
        this.webhooks = webhooks;
    }

    /**
     * Asks the room's app for {@code count} winners (all units left when null), if it selects winners and there is
     * anything to ask: without units, eligible participants or a count that fits, the draw's own checks answer.
     */
    Optional<Asked> ask(RoomGate.Room room, Prize prize, @Nullable Integer count, boolean excludePreviousWinners) {
        Optional<RoomApps.Webhook> found = apps.webhook(room, AppCapability.WINNER_SELECTION);
        int requested = count == null ? prize.quantityRemaining() : count;
        if (found.isEmpty() || requested < 1 || requested > prize.quantityRemaining()) {
            return Optional.empty();
        }
        RoomApps.Webhook webhook = found.get();
        List<Draws.Candidate> candidates = draws.candidates(room.id(), prize.id(), excludePreviousWinners);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> sent = candidates.stream().map(Draws.Candidate::id).sorted(FisherYatesSha256::compareUtf8).toList();
        String digest = FisherYatesSha256.eligibleDigest(sent);
        if (!webhook.usable()) {
            return Optional.of(new Asked(webhook.appId(), sent, digest, new AppWebhooks.Failed<>(APP_INACTIVE)));
        }
        String requestId = Ids.next("whr");
        byte[] body = body(requestId, room, prize, requested, candidates);
        Set<String> eligible = new HashSet<>(sent);
        AppWebhooks.Outcome<Answer> outcome = webhooks.call(webhook.appId(), webhook.url(), requestId, body,
                answer -> read(answer, prize.id(), requested, eligible));
        return Optional.of(new Asked(webhook.appId(), sent, digest, outcome));
    }

    /**
     * Under the prize's lock: the app's winners if every one is still eligible (the first {@code requested} of them,
     * in the app's order, should fewer units be left now), else the platform's own draw with the reason.
     */
    WinnerPicker.Picked decide(Asked asked, RoomGate.Room room, Prize locked, List<String> eligible, int requested,
                               WinnerPicker platform) {
        if (asked.outcome() instanceof AppWebhooks.Answered<Answer> answered) {
            List<String> winners = answered.answer().winners();
            if (new HashSet<>(eligible).containsAll(winners)) {
                List<String> kept = winners.subList(0, Math.min(winners.size(), requested));
                return new WinnerPicker.Picked("delegated:" + asked.appId(), null, null, asked.sentDigest(),
                        asked.sentSorted().size(), asked.sentSorted(), kept, true, null, answered.answer().metadata());
            }
            log.warn("The winners app {} chose are no longer all eligible: the platform draws", asked.appId());
            return platform.pick(room, locked, eligible, requested).fellBack(AppWebhooks.INVALID_RESPONSE);
        }
        String reason = ((AppWebhooks.Failed<Answer>) asked.outcome()).reason();
        return platform.pick(room, locked, eligible, requested).fellBack(reason);
    }

    private byte[] body(String requestId, RoomGate.Room room, Prize prize, int count, List<Draws.Candidate> candidates) {
        List<Map<String, Object>> participants = new ArrayList<>();
        for (Draws.Candidate candidate : candidates) {
            Map<String, Object> participant = new LinkedHashMap<>();
            participant.put("id", candidate.id());
            participant.put("userId", candidate.userId());
            participant.put("metadata", candidate.metadata());
            participants.add(participant);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("roomId", room.id());
        body.put("prize", Map.of("id", prize.id(), "quantityRemaining", prize.quantityRemaining()));
        body.put("count", count);
        body.put("participants", participants);
        body.put("timestamp", clock.instant());
        return PlatformJson.mapper().writeValueAsBytes(body);
    }

    /** The app's answer, checked: every winner one of those sent, once, for this prize, at most {@code count}. */
    static Answer read(byte[] bytes, String prizeId, int count, Set<String> sent) {
        String unusable = Text.problemInJson(bytes);
        if (unusable != null) {
            throw new AppWebhooks.InvalidAnswer("the answer is not valid text: " + unusable);
        }
        JsonNode root;
        try {
            root = PlatformJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException notJson) {
            throw new AppWebhooks.InvalidAnswer("the answer is not JSON");
        }
        JsonNode winners = root.path("winners");
        if (!winners.isArray() || winners.isEmpty()) {
            throw new AppWebhooks.InvalidAnswer("the answer names no winners");
        }
        if (winners.size() > count) {
            throw new AppWebhooks.InvalidAnswer("the answer names " + winners.size() + " winners, " + count + " were asked for");
        }
        List<String> chosen = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Map<String, JsonNode> metadata = new HashMap<>();
        for (JsonNode winner : winners) {
            String participantId = winner.path("participantId").asString(null);
            if (participantId == null || !sent.contains(participantId)) {
                throw new AppWebhooks.InvalidAnswer("a winner is not one of the eligible participants sent");
            }
            if (!prizeId.equals(winner.path("prizeId").asString(null))) {
                throw new AppWebhooks.InvalidAnswer("a winner is for another prize than " + prizeId);
            }
            if (!named.add(participantId)) {
                throw new AppWebhooks.InvalidAnswer("a participant is named twice");
            }
            JsonNode given = winner.get("metadata");
            if (given != null && !given.isNull()) {
                if (!given.isObject() || FreeFormJson.problem(given).isPresent()
                        || given.toString().getBytes(StandardCharsets.UTF_8).length > METADATA_MAX_BYTES) {
                    throw new AppWebhooks.InvalidAnswer("a winner's metadata is not an object the platform can store");
                }
                metadata.put(participantId, given);
            }
            chosen.add(participantId);
        }
        return new Answer(List.copyOf(chosen), Map.copyOf(metadata));
    }
}
