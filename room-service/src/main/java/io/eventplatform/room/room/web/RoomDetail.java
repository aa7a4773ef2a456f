package io.eventplatform.room.room.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.eventplatform.room.room.RoomOverview;
import org.jspecify.annotations.Nullable;

/** One room as {@code GET /rooms/{id}} shows it: with its app, its counts, and the caller's role (null: not a member). */
record RoomDetail(@JsonUnwrapped RoomResponse room, RoomOverview.App app, @JsonUnwrapped RoomOverview.Counts counts,
                  @Nullable String myRole) {

    static RoomDetail of(RoomOverview overview) {
        return new RoomDetail(RoomResponse.of(overview.room()), overview.app(), overview.counts(),
                overview.myRole() == null ? null : overview.myRole().wire());
    }
}
