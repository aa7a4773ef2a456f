package io.eventplatform.support.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping("/api/v1/whoami")
    Map<String, Object> whoami(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("data", Map.of("subject", jwt.getSubject()));
    }
}
