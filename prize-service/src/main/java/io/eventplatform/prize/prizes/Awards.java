package io.eventplatform.prize.prizes;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.prize.replica.ParticipantSource;
import io.eventplatform.support.access.RoomAction;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.web.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Winners chosen by hand, and revoked. Taking a unit and recording the winner are one transaction under the
 * prize's row lock, so no interleaving of requests can award more units than the prize has or lose one; revoking
 * takes the same lock first (prize, then winner: one lock order, no deadlock).
 */
@Service
class Awards {

    /** A participant as the replica knows it. */
    record Candidate(String id, String userId, String role, boolean active) {
        boolean eligible() {
            return active && "PARTICIPANT".equals(role);
        }
    }

    private final RoomGate rooms;
    private final Prizes prizes;
    private final Winners winners;
    private final PrizeEvents events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ParticipantSource participantSource;

    Awards(RoomGate rooms, Prizes prizes, Winners winners, PrizeEvents events, TransactionTemplate transactions, JdbcClient jdbc,
           ParticipantSource participantSource) {
        this.participantSource = participantSource;
        this.rooms = rooms;
        this.prizes = prizes;
        this.winners = winners;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    Snapshots.Winner select(Caller caller, String roomId, JsonNode body) {
        RoomGate.Room room = rooms.authorize(caller, roomId, RoomAction.SELECT_WINNERS);
        FieldErrors errors = new FieldErrors();
        if (!errors.onlyFields(body, Set.of("participantId", "prizeId", "metadata"))) {
            errors.throwIfAny();
        }
        String participantId = errors.requiredText(body, "participantId", 1, 100);
        String prizeId = errors.requiredText(body, "prizeId", 1, 100);
        JsonNode metadata = errors.object(body, "metadata", PrizeFund.METADATA_MAX_BYTES);
        errors.throwIfAny();
        Candidate candidate = candidate(roomId, participantId)
                .or(() -> confirmed(roomId, participantId))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such participant in this room"));
        Prize prize = prizeOf(roomId, prizeId);
        if (!room.active()) {
            throw roomNotActive(room);
        }
        if (!candidate.eligible()) {
            throw new ApiException(ErrorCode.PARTICIPANT_NOT_ELIGIBLE,
                    "Only active members with the participant role can win",
                    Map.of("participantId", participantId, "role", candidate.role().toLowerCase(), "active", candidate.active()));
        }
        return transactions.execute(status -> {
            prizes.lockLive(roomId, prize.id()).orElseThrow(PrizeFund::noSuchPrize);
            if (winners.holds(participantId, prize.id())) {
                throw new ApiException(ErrorCode.CONFLICT, "The participant holds this prize already",
                        Map.of("participantId", participantId, "prizeId", prize.id()));
            }
            Prize taken = prizes.take(prize.id(), 1).orElseThrow(() -> exhausted(prize.id()));
            Winners.Row row = winners.insert(roomId, participantId, prize.id(), null, metadata)
                    .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "The participant holds this prize already"));
            events.prize(EventType.PRIZE_UPDATED, taken, Map.of("quantityRemaining", taken.quantityRemaining()));
            events.winner(EventType.WINNER_SELECTED, row);
            return row.winner();
        });
    }

    ListResponse<?> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        return ListResponse.of(winners.page(roomId, query.filters(), query), query, winners.count(roomId, query.filters()));
    }

    Snapshots.Winner get(Caller caller, String roomId, String winnerId) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        return live(roomId, winnerId).winner();
    }

    /** Revoke: the winner is soft-deleted and its unit goes back to the prize, in one transaction. */
    void revoke(Caller caller, String roomId, String winnerId) {
        RoomGate.Room room = rooms.authorize(caller, roomId, RoomAction.REVOKE_WINNER);
        Winners.Row existing = live(roomId, winnerId);
        if (!room.active() && !"COMPLETED".equals(room.status())) {
            throw roomNotActive(room);
        }
        transactions.executeWithoutResult(status -> {
            String prizeId = existing.winner().prizeId();
            prizes.lockLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
            live(roomId, winnerId);
            Winners.Row revoked = winners.revoke(winnerId);
            Prize prize = prizes.giveBack(prizeId);
            events.winner(EventType.WINNER_REVOKED, revoked);
            events.prize(EventType.PRIZE_UPDATED, prize, Map.of("quantityRemaining", prize.quantityRemaining()));
        });
    }

    Optional<Candidate> candidate(String roomId, String participantId) {
        if (!Ids.looksLike("part", participantId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, user_id, role::text, active FROM replica_participants WHERE id = ? AND room_id = ?")
                .params(participantId, roomId)
                .query((rs, row) -> new Candidate(rs.getString("id"), rs.getString("user_id"), rs.getString("role"),
                        rs.getBoolean("active")))
                .optional();
    }

    /** A participant the replica does not know yet, confirmed by room-service (a join a moment ago). */
    private Optional<Candidate> confirmed(String roomId, String participantId) {
        if (!Ids.looksLike("part", participantId)) {
            return Optional.empty();
        }
        return participantSource.confirm(roomId, participantId)
                .map(participant -> new Candidate(participant.id(), participant.userId(), participant.role(), true));
    }

    Prize prizeOf(String roomId, String prizeId) {
        if (!Ids.looksLike("prz", prizeId)) {
            throw PrizeFund.noSuchPrize();
        }
        return prizes.findLive(roomId, prizeId).orElseThrow(PrizeFund::noSuchPrize);
    }

    private Winners.Row live(String roomId, String winnerId) {
        if (!Ids.looksLike("win", winnerId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such winner");
        }
        return winners.findLive(roomId, winnerId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such winner"));
    }

    static ApiException exhausted(String prizeId) {
        return new ApiException(ErrorCode.PRIZE_EXHAUSTED, "No units of this prize are left", Map.of("prizeId", prizeId));
    }

    static ApiException roomNotActive(RoomGate.Room room) {
        return new ApiException(ErrorCode.ROOM_NOT_ACTIVE, "The room is not active",
                Map.of("status", room.status().toLowerCase()));
    }
}
