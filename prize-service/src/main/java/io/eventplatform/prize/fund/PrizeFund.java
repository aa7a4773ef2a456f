package io.eventplatform.prize.fund;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.prize.replica.RoomGate;
import io.eventplatform.support.access.RoomAction;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
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
    private static final Set<String> FIELDS = Set.of("name", "description", "imageUrl", "quantity", "metadata");

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

    public PrizeWithWinners create(Caller caller, String roomId, JsonNode body) {
        rooms.authorize(caller, roomId, RoomAction.WRITE_PRIZES);
        FieldErrors errors = new FieldErrors();
        Input input = Input.read(body, errors, true);
        errors.throwIfAny();
        return transactions.execute(status -> {
            Prize prize = prizes.insert(Ids.next("prz"), roomId, input.name(), input.description(), input.imageUrl(),
                    input.quantity() == null ? 1 : input.quantity(), input.metadata());
            events.prize(EventType.PRIZE_CREATED, prize, null);
            return new PrizeWithWinners(prize, 0);
        });
    }

    public Page<PrizeWithWinners> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_PRIZES);
        return new Page<>(prizes.page(roomId, query), prizes.count(roomId));
    }

    public PrizeWithWinners get(Caller caller, String roomId, String prizeId) {
        rooms.authorize(caller, roomId, RoomAction.READ_PRIZES);
        Prize prize = find(roomId, prizeId);
        return new PrizeWithWinners(prize, prizes.liveWinners(prize.id()));
    }

    public PrizeWithWinners update(Caller caller, String roomId, String prizeId, JsonNode body) {
        rooms.authorize(caller, roomId, RoomAction.WRITE_PRIZES);
        find(roomId, prizeId);
        FieldErrors errors = new FieldErrors();
        Input input = Input.read(body, errors, false);
        errors.throwIfAny();
        String name = input.name();
        String description = input.description();
        String imageUrl = input.imageUrl();
        Integer quantity = input.quantity();
        JsonNode metadata = input.metadata();
        return transactions.execute(status -> {
            Prize current = prizes.lockLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
            Prize resized = current.resize(quantity == null ? current.quantity() : quantity);
            Prize next = new Prize(current.id(), roomId, name != null ? name : current.name(),
                    body.has("description") ? description : current.description(),
                    body.has("imageUrl") ? imageUrl : current.imageUrl(), resized.quantity(), resized.quantityRemaining(),
                    body.has("metadata") ? metadata : current.metadata(), current.version(), current.createdAt(),
                    current.updatedAt(), null);
            Map<String, Object> changes = changes(current, next);
            if (changes.isEmpty()) {
                return new PrizeWithWinners(current, prizes.liveWinners(prizeId));
            }
            Prize saved = prizes.update(next);
            events.prize(EventType.PRIZE_UPDATED, saved, changes);
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

    /** The fields of a prize in a request body; on create {@code name} is required, on update nothing may be null but the optional ones. */
    record Input(@Nullable String name, @Nullable String description, @Nullable String imageUrl, @Nullable Integer quantity,
                 @Nullable JsonNode metadata) {

        static Input read(JsonNode body, FieldErrors errors, boolean create) {
            if (!errors.onlyFields(body, FIELDS)) {
                errors.throwIfAny();
            }
            for (String notNull : create ? Set.<String>of() : Set.of("name", "quantity")) {
                if (body.has(notNull) && body.get(notNull).isNull()) {
                    errors.add(notNull, "cannot be null");
                }
            }
            return new Input(create ? errors.requiredText(body, "name", 1, 200) : errors.text(body, "name", 1, 200),
                    errors.text(body, "description", 0, 5000), errors.httpUrl(body, "imageUrl"),
                    errors.integer(body, "quantity", 1, MAX_QUANTITY), errors.object(body, "metadata", METADATA_MAX_BYTES));
        }
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

    private static Map<String, Object> changes(Prize before, Prize after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changes.put("name", after.name());
        }
        if (!Objects.equals(before.description(), after.description())) {
            changes.put("description", after.description());
        }
        if (!Objects.equals(before.imageUrl(), after.imageUrl())) {
            changes.put("imageUrl", after.imageUrl());
        }
        if (before.quantity() != after.quantity()) {
            changes.put("quantity", after.quantity());
            changes.put("quantityRemaining", after.quantityRemaining());
        }
        if (!Objects.equals(before.metadata(), after.metadata())) {
            changes.put("metadata", after.metadata());
        }
        return changes;
    }
}
