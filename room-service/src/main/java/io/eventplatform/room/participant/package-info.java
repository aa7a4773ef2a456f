/** Who is in a room: joining and re-joining, roles and metadata, leaving and removal, with the rules of each. */
@NullMarked
package io.eventplatform.room.participant;

import org.jspecify.annotations.NullMarked;
