package io.eventplatform.room.room;

/** A room was deleted, in the transaction that is still open: its members leave it in the same one. */
public record RoomDeleted(String roomId) {
}
