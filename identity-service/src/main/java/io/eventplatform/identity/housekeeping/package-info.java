/** Scheduled clean-up of expired credentials. */
@NullMarked
package io.eventplatform.identity.housekeeping;

import org.jspecify.annotations.NullMarked;
