package io.eventplatform.room.room.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.eventplatform.room.room.RoomOverview;

/** A room as lists show it: its fields and its counts. */
record RoomView(@JsonUnwrapped RoomResponse room, @JsonUnwrapped RoomOverview.Counts counts) {

    static RoomView of(RoomOverview.Counted counted) {
        return new RoomView(RoomResponse.of(counted.room()), counted.counts());
    }
}
