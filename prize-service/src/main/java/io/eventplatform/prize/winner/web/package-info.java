/**
 * The winners API: {@code /api/v1/rooms/{roomId}/winners}. {@link io.eventplatform.prize.winner.web.WinnerResponse}
 * is how every endpoint shows a winner (draws list theirs the same way).
 */
@NullMarked
@NamedInterface("web")
package io.eventplatform.prize.winner.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
