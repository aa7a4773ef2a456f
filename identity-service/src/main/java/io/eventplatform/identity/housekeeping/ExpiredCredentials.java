package io.eventplatform.identity.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what can no longer matter: revocation records of tokens that have expired anyway, and sessions whose
 * refresh token has expired (a rotated row is kept until then, for reuse detection).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredCredentials {

    private static final Logger log = LoggerFactory.getLogger(ExpiredCredentials.class);

    private final JdbcClient jdbc;

    ExpiredCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${platform.identity.purge-interval:10m}", fixedDelayString = "${platform.identity.purge-interval:10m}")
    void purge() {
        int revocations = jdbc.sql("DELETE FROM revoked_tokens WHERE expires_at < now()").update();
        int sessions = jdbc.sql("DELETE FROM sessions WHERE expires_at < now()").update();
        if (revocations + sessions > 0) {
            log.info("Purged {} expired revocation records and {} expired sessions", revocations, sessions);
        }
    }
}
