/** The prizes API: {@code /api/v1/rooms/{roomId}/prizes}, its request handling and response shapes. */
@NullMarked
package io.eventplatform.prize.fund.web;

import org.jspecify.annotations.NullMarked;
