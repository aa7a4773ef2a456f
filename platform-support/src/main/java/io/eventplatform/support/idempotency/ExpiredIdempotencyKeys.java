package io.eventplatform.support.idempotency;

import io.eventplatform.process.PeriodicTask;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deletes stored answers after their 24 hours, every ten minutes. */
final class ExpiredIdempotencyKeys extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

    private final JdbcTemplate jdbc;

    ExpiredIdempotencyKeys(JdbcTemplate jdbc) {
        super("idempotency-purge", Duration.ofMinutes(1), Duration.ofMinutes(10));
        this.jdbc = jdbc;
    }

    @Override
    protected void runOnce() {
        try {
            jdbc.update("DELETE FROM idempotency_keys WHERE expires_at < now()");
        } catch (RuntimeException e) {
            log.warn("Could not purge expired idempotency keys: {}", e.toString());
        }
    }
}
