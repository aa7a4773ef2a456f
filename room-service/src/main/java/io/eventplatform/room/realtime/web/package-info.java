/** {@code POST /api/v1/rooms/{roomId}/events}: an app's own events for a room's live clients. */
@NullMarked
package io.eventplatform.room.realtime.web;

import org.jspecify.annotations.NullMarked;
