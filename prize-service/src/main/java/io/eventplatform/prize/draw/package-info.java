/** Draws: winners chosen at random among the eligible participants, verifiably, and the audit trail that lets anyone recompute them. */
@NullMarked
package io.eventplatform.prize.draw;

import org.jspecify.annotations.NullMarked;
