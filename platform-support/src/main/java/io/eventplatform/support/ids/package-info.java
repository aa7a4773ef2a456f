/** Prefixed, time-sortable ids. */
@NullMarked
package io.eventplatform.support.ids;

import org.jspecify.annotations.NullMarked;
