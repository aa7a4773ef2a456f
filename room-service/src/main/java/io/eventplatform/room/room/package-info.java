/** Rooms: the aggregate and the rules of its life (status moves, settings checked against the app's manifest), creation, change, deletion, and no room left without its organizer or its app. */
@NullMarked
package io.eventplatform.room.room;

import org.jspecify.annotations.NullMarked;
