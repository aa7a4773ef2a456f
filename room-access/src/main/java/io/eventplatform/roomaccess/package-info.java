/**
 * Who may do what in a room (docs/auth.md "Room roles and what they allow"): the one decision point that room-service and prize-service
 * call, for users (room role, platform admin), app tokens (own rooms, manifest permissions) and both together.
 */
@NullMarked
package io.eventplatform.roomaccess;

import org.jspecify.annotations.NullMarked;
