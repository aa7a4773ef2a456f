/** Sessions: login, refresh-token rotation with reuse detection, logout. */
@NullMarked
package io.eventplatform.identity.session;

import org.jspecify.annotations.NullMarked;
