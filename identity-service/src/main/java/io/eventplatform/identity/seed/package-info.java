/** Demonstration data. */
@NullMarked
package io.eventplatform.identity.seed;

import org.jspecify.annotations.NullMarked;
