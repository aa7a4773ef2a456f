/** Revoking tokens everywhere at once. */
@NullMarked
package io.eventplatform.identity.revocation;

import org.jspecify.annotations.NullMarked;
