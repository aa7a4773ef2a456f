package io.eventplatform.prize.draw;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.prize.replica.RoomGate;
import io.eventplatform.prize.winner.Awards;
import io.eventplatform.prize.winner.Winner;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /rooms/{id}/draws}: winners chosen at random among the eligible participants, verifiably — or by the
 * room's app when it selects winners ({@link AppChoice}: asked before the transaction, so no lock waits on an app).
 * Under the prize's row lock, in one transaction: read who is eligible, choose (or check the app's choice), write the
 * audit record and the winners, take the units — so concurrent draws on one prize never exceed its units, and a draw
 * is all or nothing.
 */
@Service
public class DrawService {

    private final RoomGate rooms;
    private final PrizeFund fund;
    private final Draws draws;
    private final Awards awards;
    private final WinnerPicker picker;
    private final AppChoice apps;
    private final DrawEvents events;
    private final TransactionTemplate transactions;

    DrawService(RoomGate rooms, PrizeFund fund, Draws draws, Awards awards, WinnerPicker picker, AppChoice apps,
                DrawEvents events, TransactionTemplate transactions) {
        this.apps = apps;
        this.rooms = rooms;
        this.fund = fund;
        this.draws = draws;
        this.awards = awards;
        this.picker = picker;
        this.events = events;
        this.transactions = transactions;
    }

    /** What {@code POST /draws} asks for: {@code count} winners of the prize (all units left, if null). */
    public record Request(String prizeId, @Nullable Integer count, boolean excludePreviousWinners) {
    }

    public Draw.WithWinners draw(Caller caller, String roomId, Submitted<Request> submitted) {
        RoomGate.Room room = rooms.authorize(caller, roomId, RoomAction.RUN_DRAWS);
        Request request = submitted.valid();
        String prizeId = request.prizeId();
        Integer count = request.count();
        boolean excludePrevious = request.excludePreviousWinners();
        FieldErrors errors = new FieldErrors();
        Prize prize = fund.find(roomId, prizeId);
        if (!room.active()) {
            throw RoomGate.notActive(room);
        }
        Optional<AppChoice.Asked> asked = apps.ask(room, prize, count, excludePrevious);
        return transactions.execute(status -> {
            Prize locked = fund.lock(roomId, prize.id());
            if (locked.quantityRemaining() == 0) {
                throw PrizeFund.exhausted(prize.id());
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
            WinnerPicker.Picked picked = asked.isPresent()
                    ? apps.decide(asked.get(), room, locked, eligible, requested, picker)
                    : picker.pick(room, locked, eligible, requested);
            String drawId = Ids.next("drw");
            Draw draw = draws.insert(drawId, roomId, prize.id(), caller.actor(), requested, excludePrevious, picked);
            List<JsonNode> metadata = new ArrayList<>();
            for (int i = 0; i < picked.winners().size(); i++) {
                Map<String, Object> winner = new LinkedHashMap<>();
                winner.put("drawNumber", i + 1);
                winner.put("algorithm", picked.algorithm());
                JsonNode fromApp = picked.appMetadata().get(picked.winners().get(i));
                if (fromApp != null) {
                    winner.put("app", fromApp);
                }
                metadata.add(PlatformJson.mapper().valueToTree(winner));
            }
            // the winners' events before the prize's: the room hears the news first (docs/realtime.md)
            List<Winner> chosen = awards.recordDraw(drawId, roomId, prize.id(), picked.winners(), metadata);
            fund.take(locked, picked.winners().size());
            Draw.WithWinners shown = new Draw.WithWinners(draw, chosen);
            events.completed(shown);
            return shown;
        });
    }

    @Transactional(readOnly = true) // one connection for the page and its count
    public Page<Draw.WithWinners> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        List<Draw> page = draws.page(roomId, query);
        Map<String, List<Winner>> winnersByDraw = awards.ofDraws(page.stream().map(Draw::id).toList());
        return new Page<>(page.stream().map(draw -> new Draw.WithWinners(draw, winnersByDraw.get(draw.id()))).toList(),
                draws.count(roomId));
    }

    public Draw.WithWinners get(Caller caller, String roomId, String drawId) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        Draw draw = find(roomId, drawId);
        return new Draw.WithWinners(draw, awards.ofDraw(draw.id()));
    }

    /** The sorted eligible ids the draw chose from: with the seed, all anyone needs to recompute it. */
    public List<String> eligible(Caller caller, String roomId, String drawId) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        find(roomId, drawId);
        return draws.eligibleIds(roomId, drawId).orElseThrow();
    }

    private Draw find(String roomId, String drawId) {
        if (!Ids.looksLike("drw", drawId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such draw");
        }
        return draws.find(roomId, drawId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such draw"));
    }
}
