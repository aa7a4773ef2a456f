package io.eventplatform.identity.revocation;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.identity.token.TokenProperties;
import io.eventplatform.security.RevocationSet;
import io.eventplatform.support.events.Outbox;
import io.eventplatform.support.ids.Ids;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes tokens before they expire: a row in {@code revoked_tokens} (the record) and an event on
 * {@code identity.revocations.v1} (what every instance of every service acts on within a second), in the
 * transaction of whatever caused it.
 */
@Service
public class Revocations {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TokenProperties tokens;

    Revocations(JdbcClient jdbc, Outbox outbox, TokenProperties tokens) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.tokens = tokens;
    }

    /** One access token, until its own expiry. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeToken(String jti, String subject, Instant expiresAt, String reason, @Nullable String by) {
        record(jti, subject, expiresAt, reason, by);
        outbox.publish(EventEnvelope.of(EventType.TOKEN_REVOKED, "identity-service", subject, 1, null,
                new EventData.TokenRevoked(jti, subject, millis(expiresAt))));
    }

    /** Every access token of a session (their {@code sid}); none of them outlives the access token lifetime. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeSession(String sessionId, String subject, String reason, @Nullable String by) {
        Instant lastExpiry = Instant.now().plus(tokens.accessTtl());
        record("sid:" + sessionId, subject, lastExpiry, reason, by);
        outbox.publish(EventEnvelope.of(EventType.SESSION_REVOKED, "identity-service", subject, 1, null,
                new EventData.SessionRevoked(sessionId, subject, millis(lastExpiry))));
    }

    /**
     * Every token the subject (user or app) was issued until now. The cut-off is a whole second — the precision of
     * {@code iat} — after every token issued so far: the next second, or past the {@code iat} that tokens after the
     * previous cut-off were given ({@link #earliestIssueTime}), whichever is later.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeSubject(String subject, String reason, @Nullable String by) {
        Instant nextSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant afterPrevious = earliestIssueTime(subject).plusSeconds(1);
        Instant cutoff = nextSecond.isAfter(afterPrevious) ? nextSecond : afterPrevious;
        record("sub:" + subject + ":" + cutoff.toEpochMilli(), subject, cutoff.plus(tokens.accessTtl()), reason, by);
        outbox.publish(EventEnvelope.of(EventType.SUBJECT_TOKENS_REVOKED, "identity-service", subject, 1, null,
                new EventData.SubjectTokensRevoked(subject, cutoff)));
    }

    /**
     * The earliest {@code iat} a token issued now for {@code subject} may carry so that the subject's latest cut-off
     * does not refuse it (RevocationSet compares at the precision of {@code iat}): at most a second or two ahead,
     * and only right after a cut-off.
     */
    public Instant earliestIssueTime(String subject) {
        Long latest = jdbc.sql("""
                SELECT max(substring(token_id FROM '[0-9]+$')::bigint) FROM revoked_tokens
                 WHERE user_id = ? AND token_id LIKE 'sub:%'""").param(subject).query(Long.class).optional().orElse(null);
        return latest == null ? Instant.EPOCH : RevocationSet.firstSecondAfter(Instant.ofEpochMilli(latest));
    }

    private void record(String tokenId, String subject, Instant expiresAt, String reason, @Nullable String by) {
        jdbc.sql("""
                INSERT INTO revoked_tokens (id, token_id, user_id, expires_at, reason, revoked_by)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (token_id) DO NOTHING""")
                .params(Ids.next("rvk"), tokenId, subject, Timestamp.from(expiresAt), reason, by)
                .update();
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
