/** Token verification and the revocation set, shared by every domain service. */
@NullMarked
package io.eventplatform.support.security;

import org.jspecify.annotations.NullMarked;
