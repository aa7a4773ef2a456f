package io.eventplatform.support.security;

import io.eventplatform.support.idempotency.CarriesCredentials;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service with one protected endpoint, checked with the platform's token rules. */
@SpringBootApplication
@RestController
class SecuredTestService {

    static final AtomicInteger created = new AtomicInteger();
    static final AtomicInteger failures = new AtomicInteger();

    /** Creates something, counting how often it really ran. */
    @PostMapping("/api/v1/things")
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        int n = created.incrementAndGet();
        return ResponseEntity.status(201).body(Map.of("data", Map.of("n", n, "name", String.valueOf(body.get("name")))));
    }

    /** Fails with a server error the first time, then works. */
    @PostMapping("/api/v1/flaky")
    ResponseEntity<Map<String, Object>> flaky() {
        if (failures.incrementAndGet() == 1) {
            throw new IllegalStateException("first attempt fails");
        }
        return ResponseEntity.status(201).body(Map.of("data", Map.of("attempt", failures.get())));
    }

    /** Hands out a secret once, like an app registration. */
    @PostMapping("/api/v1/secrets")
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.REFUSED)
    ResponseEntity<Map<String, Object>> secret() {
        int n = created.incrementAndGet();
        return ResponseEntity.status(201).body(Map.of("data", Map.of("n", n, "secret", "sk_live_" + UUID.randomUUID())));
    }

    /** Exchanges something for a fresh credential, like a login. */
    @PostMapping("/api/v1/exchange")
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.RUNS_AGAIN)
    Map<String, Object> exchange() {
        return Map.of("data", Map.of("n", created.incrementAndGet(), "accessToken", UUID.randomUUID().toString()));
    }

    @GetMapping("/api/v1/whoami")
    Map<String, Object> whoami(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("data", Map.of("subject", jwt.getSubject()));
    }
}
