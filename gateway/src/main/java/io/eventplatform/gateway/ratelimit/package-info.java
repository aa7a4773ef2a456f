/**
 * Rate limits at the edge: per user, per app token, per client address for requests without a valid token, and a
 * larger per-address bucket for signing in (docs/api.md "Rate limits", ADR 0014).
 */
@NullMarked
package io.eventplatform.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
