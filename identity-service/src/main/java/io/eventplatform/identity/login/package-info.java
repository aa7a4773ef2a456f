/** Login with external OpenID Connect providers. */
@NullMarked
package io.eventplatform.identity.login;

import org.jspecify.annotations.NullMarked;
