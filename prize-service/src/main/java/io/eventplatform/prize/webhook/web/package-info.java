/** {@code GET /api/v1/webhooks/keys}: the public keys apps verify the platform's webhook signatures with. */
@NullMarked
package io.eventplatform.prize.webhook.web;

import org.jspecify.annotations.NullMarked;
