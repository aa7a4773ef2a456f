/** The rooms API: {@code /api/v1/rooms}, its request handling and response shapes. */
@NullMarked
package io.eventplatform.room.room.web;

import org.jspecify.annotations.NullMarked;
