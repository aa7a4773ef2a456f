/** Registered apps: manifests, secrets, activation, app tokens. */
@NullMarked
package io.eventplatform.identity.app;

import org.jspecify.annotations.NullMarked;
