/**
 * Webhooks to apps: calls signed with the platform's webhook key (public keys at {@code GET /api/v1/webhooks/keys}),
 * only to an app's registered address and never into a private network, bounded in time, with a circuit breaker
 * per app. What a call is for, and what its answer means, is the calling feature's business (docs/webhooks.md).
 */
@NullMarked
package io.eventplatform.prize.webhook;

import org.jspecify.annotations.NullMarked;
