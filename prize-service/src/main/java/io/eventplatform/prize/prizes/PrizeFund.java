package io.eventplatform.prize.prizes;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.support.access.RoomAction;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
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
 * anyone holds it), and the cascade when the room is deleted.
 */
@Service
public class PrizeFund {

    static final int MAX_QUANTITY = 1_000_000;
    static final int METADATA_MAX_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("name", "description", "imageUrl", "quantity", "metadata");

    private final RoomGate rooms;
    private final Prizes prizes;
    private final Winners winners;
    private final PrizeEvents events;
    private final TransactionTemplate transactions;

    PrizeFund(RoomGate rooms, Prizes prizes, Winners winners, PrizeEvents events, TransactionTemplate transactions) {
        this.rooms = rooms;
        this.prizes = prizes;
        this.winners = winners;
        this.events = events;
        this.transactions = transactions;
    }

    Prize.View create(Caller caller, String roomId, JsonNode body) {
        rooms.authorize(caller, roomId, RoomAction.WRITE_PRIZES);
        FieldErrors errors = new FieldErrors();
        Input input = Input.read(body, errors, true);
        errors.throwIfAny();
        return transactions.execute(status -> {
            Prize prize = prizes.insert(Ids.next("prz"), roomId, input.name(), input.description(), input.imageUrl(),
                    input.quantity() == null ? 1 : input.quantity(), input.metadata());
            events.prize(EventType.PRIZE_CREATED, prize, null);
            return prize.view(0);
        });
    }

    ListResponse<?> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_PRIZES);
        return ListResponse.of(prizes.page(roomId, query), query, prizes.count(roomId));
    }

    Prize.View get(Caller caller, String roomId, String prizeId) {
        rooms.authorize(caller, roomId, RoomAction.READ_PRIZES);
        Prize prize = find(roomId, prizeId);
        return prize.view(prizes.liveWinners(prize.id()));
    }

    Prize.View update(Caller caller, String roomId, String prizeId, JsonNode body) {
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
                return current.view(prizes.liveWinners(prizeId));
            }
            Prize saved = prizes.update(next);
            events.prize(EventType.PRIZE_UPDATED, saved, changes);
            return saved.view(prizes.liveWinners(prizeId));
        });
    }

    void delete(Caller caller, String roomId, String prizeId) {
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

    /**
     * data-model.md cascade: a deleted room takes its prizes and winners with it (soft-deleted, each published).
     * Runs in the caller's transaction (the consumer's, with its processed-event record).
     */
    public void roomDeleted(String roomId) {
        // prizes first, as every other change of units does (prize, then winner): no deadlock with a revocation
        prizes.lockAllOfRoom(roomId);
        winners.revokeAllOfRoom(roomId).forEach(row -> events.winner(EventType.WINNER_REVOKED, row));
        prizes.softDeleteAllOfRoom(roomId).forEach(prize -> events.prize(EventType.PRIZE_DELETED, prize, null));
    }

    Prize find(String roomId, String prizeId) {
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

    static ApiException noSuchPrize() {
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
