/** The event contract between services: topic names and, as they are added, the event records. */
@NullMarked
package io.eventplatform.contracts.events;

import org.jspecify.annotations.NullMarked;
