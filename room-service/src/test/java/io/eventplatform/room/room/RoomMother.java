package io.eventplatform.room.room;

import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import java.time.Instant;
import tools.jackson.databind.node.JsonNodeFactory;

/** Rooms for tests that only care about some of a room's fields. */
public final class RoomMother {

    private RoomMother() {
    }

    public static Room aDraftRoom() {
        return new Room("room_1", "Party", "Raffle", "app_lottery", JsonNodeFactory.instance.objectNode(),
                "1.0.0", RoomStatus.DRAFT, true, "usr_ada", 1, Instant.parse("2026-12-01T18:00:00Z"),
                Instant.parse("2026-12-01T18:05:00Z"), null);
    }

    /** A draft room as its organizer sees it: the lottery app, 12 members, 2 prizes. */
    public static RoomOverview anOverviewForItsOrganizer() {
        return new RoomOverview(aDraftRoom(), new RoomOverview.App("app_lottery", "Holiday Lottery", "1.0.0",
                "https://lottery.example"), new RoomOverview.Counts(12, 2), RoomRole.ORGANIZER);
    }
}
