/** Users: who they are, how they are found at login, what other services learn about them. */
@NullMarked
package io.eventplatform.identity.user;

import org.jspecify.annotations.NullMarked;
