/** Signing keys, access tokens, and the published key set. */
@NullMarked
package io.eventplatform.identity.token;

import org.jspecify.annotations.NullMarked;
