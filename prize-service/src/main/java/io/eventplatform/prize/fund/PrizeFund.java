package io.eventplatform.prize.fund;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.prize.replica.RoomGate;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A room's prizes: create, read, change (the quantity never below what is already awarded), delete (not while
 * anyone holds it); and for the winner and draw features, the units: a prize locked, units taken and given back
 * (each change published), and a deleted room's prizes removed.
 */
@Service
public class PrizeFund {

    public static final int MAX_QUANTITY = 1_000_000;
    public static final int METADATA_MAX_BYTES = 16 * 1024;

    private final RoomGate rooms;
    private final Prizes prizes;
    private final FundEvents events;
    private final TransactionTemplate transactions;

    PrizeFund(RoomGate rooms, Prizes prizes, FundEvents events, TransactionTemplate transactions) {
        this.rooms = rooms;
        this.prizes = prizes;
        this.events = events;
        this.transactions = transactions;
    }

    /** What {@code POST /prizes} asks for; one unit unless it says how many. */
    public record NewPrize(String name, @Nullable String description, @Nullable String imageUrl, @Nullable Integer quantity,
                           @Nullable JsonNode metadata) {
    }

    public PrizeWithWinners create(Caller caller, String roomId, Submitted<NewPrize> request) {
        rooms.authorize(caller, roomId, RoomAction.WRITE_PRIZES);
        NewPrize input = request.valid();
        return transactions.execute(status -> {
            Prize prize = prizes.insert(Ids.next("prz"), roomId, input.name(), input.description(), input.imageUrl(),
                    input.quantity() == null ? 1 : input.quantity(), input.metadata());
            events.prize(EventType.PRIZE_CREATED, prize, null);
            return new PrizeWithWinners(prize, 0);
        });
    }

    @Transactional(readOnly = true) // one connection for the page and its count
    public Page<PrizeWithWinners> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_PRIZES);
        return new Page<>(prizes.page(roomId, query), prizes.count(roomId));
    }

    public PrizeWithWinners get(Caller caller, String roomId, String prizeId) {
        rooms.authorize(caller, roomId, RoomAction.READ_PRIZES);
        Prize prize = find(roomId, prizeId);
        return new PrizeWithWinners(prize, prizes.liveWinners(prize.id()));
    }

    public PrizeWithWinners update(Caller caller, String roomId, String prizeId, Submitted<Prize.Change> request) {
        rooms.authorize(caller, roomId, RoomAction.WRITE_PRIZES);
        find(roomId, prizeId);
        Prize.Change change = request.valid();
        return transactions.execute(status -> {
            Prize current = prizes.lockLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
            Prize.Changed changed = current.apply(change);
            if (changed.changes().isEmpty()) {
                return new PrizeWithWinners(current, prizes.liveWinners(prizeId));
            }
            Prize saved = prizes.update(changed.prize());
            events.prize(EventType.PRIZE_UPDATED, saved, changed.changes());
            return new PrizeWithWinners(saved, prizes.liveWinners(prizeId));
        });
    }

    public void delete(Caller caller, String roomId, String prizeId) {
        rooms.authorize(caller, roomId, RoomAction.WRITE_PRIZES);
        find(roomId, prizeId);
        transactions.executeWithoutResult(status -> {
            prizes.lockLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
            long holders = prizes.liveWinners(prizeId);
            if (holders > 0) {
                throw new ApiException(ErrorCode.PRIZE_HAS_WINNERS, "The prize has winners; revoke them first",
                        Map.of("winnerCount", holders));
            }
            events.prize(EventType.PRIZE_DELETED, prizes.softDelete(prizeId), null);
        });
    }

    /** The live prize of the room; 404 otherwise. */
    public Prize find(String roomId, String prizeId) {
        if (!Ids.looksLike("prz", prizeId)) {
            throw noSuchPrize();
        }
        return prizes.findLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
    }

    /**
     * The live prize locked until the transaction ends: every change of its units happens under this lock, taken
     * before any winner's (one lock order, no deadlock); 404 when it is gone.
     */
    public Prize lock(String roomId, String prizeId) {
        return prizes.lockLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
    }

    /** Takes {@code units} of a locked prize and publishes its new remainder; 409 PRIZE_EXHAUSTED when fewer are left. */
    public Prize take(Prize locked, int units) {
        Prize taken = prizes.take(locked.id(), units).orElseThrow(() -> exhausted(locked.id()));
        events.prize(EventType.PRIZE_UPDATED, taken, Map.of("quantityRemaining", taken.quantityRemaining()));
        return taken;
    }

    /** Gives one unit back to a locked prize (a revoked winner's) and publishes its new remainder. */
    public Prize giveBack(String prizeId) {
        Prize prize = prizes.giveBack(prizeId);
        events.prize(EventType.PRIZE_UPDATED, prize, Map.of("quantityRemaining", prize.quantityRemaining()));
        return prize;
    }

    /** Locks every live prize of a deleted room, in id order, before its winners are revoked. */
    public void lockAllOfRoom(String roomId) {
        prizes.lockAllOfRoom(roomId);
    }

    /** Soft-deletes every live prize of a deleted room, each published (after its winners were revoked). */
    public void deleteAllOfRoom(String roomId) {
        prizes.softDeleteAllOfRoom(roomId).forEach(prize -> events.prize(EventType.PRIZE_DELETED, prize, null));
    }

    public static ApiException exhausted(String prizeId) {
        return new ApiException(ErrorCode.PRIZE_EXHAUSTED, "No units of this prize are left", Map.of("prizeId", prizeId));
    }

    public static ApiException noSuchPrize() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such prize");
    }
}
