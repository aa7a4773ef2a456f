/** Token checks at the edge. */
@NullMarked
package io.eventplatform.gateway.security;

import org.jspecify.annotations.NullMarked;
