/** The gateway's view of the services behind it. */
@NullMarked
package io.eventplatform.gateway.health;

import org.jspecify.annotations.NullMarked;
