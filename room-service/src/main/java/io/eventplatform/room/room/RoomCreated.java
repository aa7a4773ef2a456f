package io.eventplatform.room.room;

/** A room was created, in the transaction that is still open: its organizer must join it in the same one. */
public record RoomCreated(Room room, String organizerId) {
}
