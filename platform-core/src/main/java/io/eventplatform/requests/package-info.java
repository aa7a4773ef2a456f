/** Request correlation shared by the gateway and the services. */
@NullMarked
package io.eventplatform.requests;

import org.jspecify.annotations.NullMarked;
