package io.eventplatform.room.room;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.support.web.ApiException;
import java.util.Map;
import java.util.Set;

/** The status machine of a room: draft → active → completed, and draft/active → cancelled; completed and cancelled are final. */
final class StatusMoves {

    private static final Map<RoomStatus, Set<RoomStatus>> NEXT = Map.of(
            RoomStatus.DRAFT, Set.of(RoomStatus.ACTIVE, RoomStatus.CANCELLED),
            RoomStatus.ACTIVE, Set.of(RoomStatus.COMPLETED, RoomStatus.CANCELLED),
            RoomStatus.COMPLETED, Set.of(),
            RoomStatus.CANCELLED, Set.of());

    private StatusMoves() {
    }

    static boolean allowed(RoomStatus from, RoomStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** {@code to} if a room may move there from {@code from}; 409 INVALID_STATUS_TRANSITION (naming both) otherwise. */
    static RoomStatus move(RoomStatus from, RoomStatus to) {
        if (!allowed(from, to)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "A " + from.wire() + " room cannot become " + to.wire(),
                    Map.of("from", from.wire(), "to", to.wire(),
                            "allowed", NEXT.get(from).stream().map(RoomStatus::wire).sorted().toList()));
        }
        return to;
    }
}
