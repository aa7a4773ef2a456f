package io.eventplatform.room.room;

import io.eventplatform.contracts.rooms.RoomRole;
import org.jspecify.annotations.Nullable;

/** A room with what it is shown with: its app, its counts, and the caller's role ({@code null}: not a member). */
public record RoomOverview(Room room, App app, Counts counts, @Nullable RoomRole myRole) {

    /** The room's app at the manifest version the room is locked to. */
    public record App(String appId, @Nullable String name, String version, @Nullable String baseUrl) {
    }

    /** How many active members and live prizes the room has. */
    public record Counts(long participantCount, long prizeCount) {
    }

    /** A room in a list: with its counts. */
    public record Counted(Room room, Counts counts) {
    }
}
