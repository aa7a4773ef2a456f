/** Winners: chosen by hand, recorded for a draw, revoked (the unit goes back), and removed with their room. */
@NullMarked
package io.eventplatform.prize.winner;

import org.jspecify.annotations.NullMarked;
