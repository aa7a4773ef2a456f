/** The demo data command ({@code ./platform seed}). */
@NullMarked
package io.eventplatform.room.seed;

import org.jspecify.annotations.NullMarked;
