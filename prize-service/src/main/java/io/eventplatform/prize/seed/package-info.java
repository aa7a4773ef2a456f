/** Demonstration data: prizes, a winner and a draw in the demo rooms. */
@NullMarked
package io.eventplatform.prize.seed;

import org.jspecify.annotations.NullMarked;
