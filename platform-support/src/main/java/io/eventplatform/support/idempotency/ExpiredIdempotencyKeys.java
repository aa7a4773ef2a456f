package io.eventplatform.support.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deletes stored answers after their 24 hours, every ten minutes. */
final class ExpiredIdempotencyKeys implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private @Nullable ScheduledExecutorService scheduler;

    ExpiredIdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        purge.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
        scheduler = purge;
    }

    void purge() {
        try {
            jdbc.update("DELETE FROM idempotency_keys WHERE expires_at < now()");
        } catch (RuntimeException e) {
            log.warn("Could not purge expired idempotency keys: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
