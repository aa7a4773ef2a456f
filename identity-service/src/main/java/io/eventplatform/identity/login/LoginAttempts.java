package io.eventplatform.identity.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Logins in flight, keyed by their {@code state}; each can be taken exactly once. */
@Repository
class LoginAttempts {

    record Attempt(String state, String provider, String codeVerifier, String nonce, @Nullable String redirectUri,
                   String browserHash) {
        @Override
        public String toString() {
            return "Attempt[" + provider + "]";
        }
    }

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Attempt attempt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO login_attempts (state, provider, code_verifier, nonce, redirect_uri, browser_hash, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(attempt.state(), attempt.provider(), attempt.codeVerifier(), attempt.nonce(), attempt.redirectUri(),
                        attempt.browserHash(), Timestamp.from(expiresAt))
                .update();
    }

    /** Deletes and returns the live attempt: a second callback with the same state finds nothing. */
    Optional<Attempt> take(String state, String provider) {
        jdbc.sql("DELETE FROM login_attempts WHERE expires_at < now()").update();
        return jdbc.sql("""
                DELETE FROM login_attempts WHERE state = ? AND provider = ? AND expires_at >= now()
                RETURNING state, provider, code_verifier, nonce, redirect_uri, browser_hash""")
                .params(state, provider)
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .optional();
    }
}
