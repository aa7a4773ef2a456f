package io.eventplatform.prize.winner;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.prize.replica.ParticipantSource;
import io.eventplatform.prize.replica.RoomGate;
import io.eventplatform.prize.replica.RoomRemoved;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Winners chosen by hand, and revoked. Taking a unit and recording the winner are one transaction under the
 * prize's row lock, so no interleaving of requests can award more units than the prize has or lose one; revoking
 * takes the same lock first (prize, then winner: one lock order, no deadlock). A draw's winners are written here
 * too ({@link #recordDraw}), under the lock the draw holds.
 */
@Service
public class Awards {

    /** What {@code POST /winners} asks for: this participant wins one unit of this prize. */
    public record Selection(String participantId, String prizeId, @Nullable JsonNode metadata) {
    }

    /** A participant as the replica (or room-service, for a join a moment ago) knows them. */
    record Candidate(String id, String userId, RoomRole role, boolean active) {

        /** Only active members with the participant role can win (docs/auth.md). */
        boolean eligible() {
            return active && role == RoomRole.PARTICIPANT;
        }
    }

    private final RoomGate rooms;
    private final PrizeFund fund;
    private final Winners winners;
    private final WinnerEvents events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ParticipantSource participantSource;

    Awards(RoomGate rooms, PrizeFund fund, Winners winners, WinnerEvents events, TransactionTemplate transactions, JdbcClient jdbc,
           ParticipantSource participantSource) {
        this.participantSource = participantSource;
        this.rooms = rooms;
        this.fund = fund;
        this.winners = winners;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public Winner select(Caller caller, String roomId, Submitted<Selection> request) {
        RoomGate.Room room = rooms.authorize(caller, roomId, RoomAction.SELECT_WINNERS);
        Selection selection = request.valid();
        String participantId = selection.participantId();
        String prizeId = selection.prizeId();
        JsonNode metadata = selection.metadata();
        Candidate candidate = candidate(roomId, participantId)
                .or(() -> confirmed(roomId, participantId))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such participant in this room"));
        Prize prize = fund.find(roomId, prizeId);
        if (!room.active()) {
            throw RoomGate.notActive(room);
        }
        if (!candidate.eligible()) {
            throw new ApiException(ErrorCode.PARTICIPANT_NOT_ELIGIBLE,
                    "Only active members with the participant role can win",
                    Map.of("participantId", participantId, "role", candidate.role().wire(), "active", candidate.active()));
        }
        return transactions.execute(status -> {
            Prize locked = fund.lock(roomId, prize.id());
            if (winners.holds(participantId, prize.id())) {
                throw new ApiException(ErrorCode.CONFLICT, "The participant holds this prize already",
                        Map.of("participantId", participantId, "prizeId", prize.id()));
            }
            fund.take(locked, 1);
            Winners.Row row = winners.insert(roomId, participantId, prize.id(), null, metadata)
                    .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "The participant holds this prize already"));
            events.winner(EventType.WINNER_SELECTED, row);
            return row.winner();
        });
    }

    @Transactional(readOnly = true) // one connection for the page and its count
    public Page<Winner> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        return new Page<>(winners.page(roomId, query.filters(), query), winners.count(roomId, query.filters()));
    }

    public Winner get(Caller caller, String roomId, String winnerId) {
        rooms.authorize(caller, roomId, RoomAction.READ_WINNERS);
        return live(roomId, winnerId).winner();
    }

    /** Revoke: the winner is soft-deleted and its unit goes back to the prize, in one transaction. */
    public void revoke(Caller caller, String roomId, String winnerId) {
        RoomGate.Room room = rooms.authorize(caller, roomId, RoomAction.REVOKE_WINNER);
        Winners.Row existing = live(roomId, winnerId);
        if (!room.active() && !room.completed()) {
            throw RoomGate.notActive(room);
        }
        transactions.executeWithoutResult(status -> {
            String prizeId = existing.winner().prizeId();
            fund.lock(roomId, prizeId);
            live(roomId, winnerId);
            Winners.Row revoked = winners.revoke(winnerId);
            events.winner(EventType.WINNER_REVOKED, revoked);
            fund.giveBack(prizeId);
        });
    }

    /**
     * A draw's winners, numbered in draw order, written in one batch and each published — in the draw's
     * transaction, under its lock on the prize (whose units it took).
     */
    public List<Winner> recordDraw(String drawId, String roomId, String prizeId, List<String> participantIds,
                                             List<JsonNode> metadata) {
        winners.insertAll(drawId, roomId, prizeId, participantIds, metadata);
        List<Winners.Row> rows = winners.ofDraw(drawId);
        rows.forEach(row -> events.winner(EventType.WINNER_SELECTED, row));
        return rows.stream().map(Winners.Row::winner).toList();
    }

    /** The winners of a draw, in draw order. */
    public List<Winner> ofDraw(String drawId) {
        return winners.ofDraw(drawId).stream().map(Winners.Row::winner).toList();
    }

    /** The winners of several draws at once, by draw id, each in draw order. */
    public Map<String, List<Winner>> ofDraws(List<String> drawIds) {
        return winners.ofDraws(drawIds);
    }

    /**
     * The cascade of a room deletion (docs/prizes.md "Cascades"): a deleted room takes its prizes and winners with it (soft-deleted, each published).
     * Runs in the caller's transaction (the consumer's, with its processed-event record).
     */
    @EventListener
    void on(RoomRemoved removed) {
        // prizes first, as every other change of units does (prize, then winner): no deadlock with a revocation
        fund.lockAllOfRoom(removed.roomId());
        winners.revokeAllOfRoom(removed.roomId()).forEach(row -> events.winner(EventType.WINNER_REVOKED, row));
        fund.deleteAllOfRoom(removed.roomId());
    }

    private Optional<Candidate> candidate(String roomId, String participantId) {
        if (!Ids.looksLike("part", participantId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, user_id, role::text, active FROM replica_participants WHERE id = ? AND room_id = ?")
                .params(participantId, roomId)
                .query((rs, row) -> new Candidate(rs.getString("id"), rs.getString("user_id"),
                        RoomRole.valueOf(rs.getString("role")), rs.getBoolean("active")))
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

    private Winners.Row live(String roomId, String winnerId) {
        if (!Ids.looksLike("win", winnerId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such winner");
        }
        return winners.findLive(roomId, winnerId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such winner"));
    }
}
