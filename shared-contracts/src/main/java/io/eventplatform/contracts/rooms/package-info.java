/** The words every service uses for rooms: a room's status and a member's role, as they appear on the wire. */
@NullMarked
package io.eventplatform.contracts.rooms;

import org.jspecify.annotations.NullMarked;
