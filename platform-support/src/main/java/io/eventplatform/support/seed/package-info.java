/** The demo-data command every service runs under {@code ./platform seed}. */
@NullMarked
package io.eventplatform.support.seed;

import org.jspecify.annotations.NullMarked;
