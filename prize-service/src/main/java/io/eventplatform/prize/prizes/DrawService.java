package io.eventplatform.prize.prizes;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.access.RoomAction;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /rooms/{id}/draws}: winners chosen at random among the eligible participants, verifiably. Under the
 * prize's row lock, in one transaction: read who is eligible, choose, take the units, write the winners and the
 * audit record — so concurrent draws on one prize never exceed its units, and a draw is all or nothing.
 */
@Service
class DrawService {

    /** A draw as the API shows it: the audit record with its winners. */
    record View(String id, String roomId, String prizeId, String requestedBy, int requested, List<Snapshots.Winner> winners,
                String algorithm, @Nullable String seed, @Nullable String seedHash, int eligibleCount, String eligibleDigest,
                boolean excludePreviousWinners, boolean delegatedToApp, @Nullable String fallbackReason, Instant createdAt) {
    }

    private final RoomGate rooms;
    private final Prizes prizes;
    private final Winners winners;
    private final Draws draws;
    private final Awards awards;
    private final WinnerPicker picker;
    private final PrizeEvents events;
    private final TransactionTemplate transactions;

    DrawService(RoomGate rooms, Prizes prizes, Winners winners, Draws draws, Awards awards, WinnerPicker picker,
                PrizeEvents events, TransactionTemplate transactions) {
        this.rooms = rooms;
        this.prizes = prizes;
        this.winners = winners;
        this.draws = draws;
        this.awards = awards;
        this.picker = picker;
        this.events = events;
        this.transactions = transactions;
    }

    View draw(Caller caller, String roomId, JsonNode body) {
        RoomGate.Room room = rooms.authorize(caller, roomId, RoomAction.RUN_DRAWS);
        FieldErrors errors = new FieldErrors();
        if (!errors.onlyFields(body, Set.of("prizeId", "count", "excludePreviousWinners"))) {
            errors.throwIfAny();
        }
        String prizeId = errors.requiredText(body, "prizeId", 1, 100);
        Integer count = errors.integer(body, "count", 1, PrizeFund.MAX_QUANTITY);
        Boolean exclude = errors.bool(body, "excludePreviousWinners");
        errors.throwIfAny();
        boolean excludePrevious = exclude == null || exclude;
        Prize prize = awards.prizeOf(roomId, prizeId);
        if (!room.active()) {
            throw Awards.roomNotActive(room);
        }
        return transactions.execute(status -> {
            Prize locked = prizes.lockLive(roomId, prize.id()).orElseThrow(PrizeFund::noSuchPrize);
            if (locked.quantityRemaining() == 0) {
                throw Awards.exhausted(prize.id());
            }
            int requested = count == null ? locked.quantityRemaining() : count;
            if (requested > locked.quantityRemaining()) {
                errors.add("count", "must be at most " + locked.quantityRemaining() + ", the units left").throwIfAny();
            }
            List<String> eligible = draws.eligible(roomId, prize.id(), excludePrevious);
            if (eligible.isEmpty()) {
                throw new ApiException(ErrorCode.NO_ELIGIBLE_PARTICIPANTS, "Nobody in the room can win this prize",
                        Map.of("prizeId", prize.id(), "excludePreviousWinners", excludePrevious));
            }
            WinnerPicker.Picked picked = picker.pick(room, locked, eligible, requested);
            String drawId = Ids.next("drw");
            Draws.Draw draw = draws.insert(drawId, roomId, prize.id(), caller.actor(), requested, excludePrevious, picked);
            Prize taken = prizes.take(prize.id(), picked.winners().size()).orElseThrow(() -> Awards.exhausted(prize.id()));
            List<JsonNode> metadata = new ArrayList<>();
            for (int i = 0; i < picked.winners().size(); i++) {
                metadata.add(PlatformJson.mapper().valueToTree(Map.of("drawNumber", i + 1, "algorithm", picked.algorithm())));
            }
            draws.insertWinners(drawId, roomId, prize.id(), picked.winners(), metadata);
            List<Winners.Row> rows = winners.ofDraw(drawId);
            events.prize(EventType.PRIZE_UPDATED, taken, Map.of("quantityRemaining", taken.quantityRemaining()));
            rows.forEach(row -> events.winner(EventType.WINNER_SELECTED, row));
            events.draw(snapshot(draw));
            return view(draw, rows.stream().map(Winners.Row::winner).toList());
        });
    }

    ListResponse<?> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        List<Draws.Draw> page = draws.page(roomId, query);
        Map<String, List<Snapshots.Winner>> winnersByDraw = winners.ofDraws(page.stream().map(Draws.Draw::id).toList());
        List<View> views = page.stream().map(draw -> view(draw, winnersByDraw.get(draw.id()))).toList();
        return ListResponse.of(views, query, draws.count(roomId));
    }

    View get(Caller caller, String roomId, String drawId) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        Draws.Draw draw = find(roomId, drawId);
        return view(draw, winners.ofDraw(draw.id()).stream().map(Winners.Row::winner).toList());
    }

    /** The sorted eligible ids the draw chose from: with the seed, all anyone needs to recompute it. */
    List<String> eligible(Caller caller, String roomId, String drawId) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        find(roomId, drawId);
        return draws.eligibleIds(roomId, drawId).orElseThrow();
    }

    private Draws.Draw find(String roomId, String drawId) {
        if (!Ids.looksLike("drw", drawId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such draw");
        }
        return draws.find(roomId, drawId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such draw"));
    }

    private static View view(Draws.Draw draw, List<Snapshots.Winner> winners) {
        return new View(draw.id(), draw.roomId(), draw.prizeId(), draw.requestedBy(), draw.requested(), winners,
                draw.algorithm(), draw.seed(), draw.seedHash(), draw.eligibleCount(), draw.eligibleDigest(),
                draw.excludePreviousWinners(), draw.delegatedToApp(), draw.fallbackReason(), draw.createdAt());
    }

    private static Snapshots.Draw snapshot(Draws.Draw draw) {
        return new Snapshots.Draw(draw.id(), draw.roomId(), draw.prizeId(), draw.requestedBy(), draw.requested(),
                draw.algorithm(), draw.seed(), draw.seedHash(), draw.eligibleCount(), draw.eligibleDigest(), draw.winnerIds(),
                draw.delegatedToApp(), draw.fallbackReason(), draw.createdAt());
    }
}
