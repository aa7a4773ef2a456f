/** Routes to the domain services, their circuit breakers and the fallback for a service that is down. */
@NullMarked
package io.eventplatform.gateway.routing;

import org.jspecify.annotations.NullMarked;
