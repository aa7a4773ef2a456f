/** Demonstration data: rooms in every status with members in every role. */
@NullMarked
package io.eventplatform.room.seed;

import org.jspecify.annotations.NullMarked;
