/** The participants API: {@code /api/v1/rooms/{roomId}/participants}, its request handling and response shapes. */
@NullMarked
package io.eventplatform.room.participant.web;

import org.jspecify.annotations.NullMarked;
