/**
 * The words of access tokens and app manifests: the claims identity-service signs and every service reads, the
 * permissions an app's manifest may ask for, and the capabilities that need them (docs/auth.md).
 */
@NullMarked
package io.eventplatform.contracts.access;

import org.jspecify.annotations.NullMarked;
