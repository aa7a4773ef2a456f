/** Login endpoints and their guards. */
@NullMarked
package io.eventplatform.identity.auth;

import org.jspecify.annotations.NullMarked;
