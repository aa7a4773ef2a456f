/** Rooms: the events themselves, and the rules of their life. */
@NullMarked
package io.eventplatform.room.rooms;

import org.jspecify.annotations.NullMarked;
