/** Idempotency-Key support for POST requests (rest-api.md "Idempotency"). */
@NullMarked
package io.eventplatform.support.idempotency;

import org.jspecify.annotations.NullMarked;
