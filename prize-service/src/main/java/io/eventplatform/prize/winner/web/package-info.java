/** The winners API: {@code /api/v1/rooms/{roomId}/winners}. */
@NullMarked
package io.eventplatform.prize.winner.web;

import org.jspecify.annotations.NullMarked;
