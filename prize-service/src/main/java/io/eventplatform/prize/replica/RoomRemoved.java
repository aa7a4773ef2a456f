package io.eventplatform.prize.replica;

/** The replica learnt that a room was deleted, in the consumer's transaction: its prizes and winners go with it. */
public record RoomRemoved(String roomId) {
}
