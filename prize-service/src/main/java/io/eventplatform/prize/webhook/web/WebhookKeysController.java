package io.eventplatform.prize.webhook.web;

import io.eventplatform.prize.webhook.SigningKeys;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/webhooks/keys} (public): a JWKS of the keys webhooks are signed with (docs/webhooks.md). */
@RestController
class WebhookKeysController {

    private final SigningKeys keys;

    WebhookKeysController(SigningKeys keys) {
        this.keys = keys;
    }

    /** Cacheable for five minutes: an app that meets an unknown key id fetches again. */
    @GetMapping("/api/v1/webhooks/keys")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(keys.published());
    }
}
