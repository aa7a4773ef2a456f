/** The draws API: {@code /api/v1/rooms/{roomId}/draws}, its request handling and response shapes. */
@NullMarked
package io.eventplatform.prize.draw.web;

import org.jspecify.annotations.NullMarked;
