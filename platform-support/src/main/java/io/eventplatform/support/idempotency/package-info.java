/** Idempotency-Key support for POST requests (docs/api.md "Idempotency"). */
@NullMarked
package io.eventplatform.support.idempotency;

import org.jspecify.annotations.NullMarked;
