/**
 * The prize fund of a room, its winners and its draws: units can never be over-awarded (the decrement and the
 * winner are one transaction under the prize's row lock), and every draw can be recomputed from what it publishes.
 */
@NullMarked
package io.eventplatform.prize.prizes;

import org.jspecify.annotations.NullMarked;
