/**
 * Live rooms: the WebSocket hub at {@code /api/v1/ws} (authentication, subscriptions, presence, resume with a
 * replay buffer, bounded send buffers) fed by every room event on Kafka, and apps' own events
 * ({@code POST /rooms/{roomId}/events}). docs/realtime.md.
 */
@NullMarked
package io.eventplatform.room.realtime;

import org.jspecify.annotations.NullMarked;
