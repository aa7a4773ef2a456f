package io.eventplatform.security;

import io.eventplatform.contracts.events.EventData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The tokens revoked before their expiry, held in memory so that checking a token needs no database look-up:
 * single tokens by {@code jti}, whole sessions by {@code sid}, and everything a subject was issued before a
 * cut-off. Entries leave the set once no token they match can still be valid.
 *
 * <p>A cut-off has milliseconds, a token's {@code iat} whole seconds. They are compared at the token's precision:
 * a token is cut off when its {@code iat} is before the cut-off rounded up to the whole second
 * ({@link #firstSecondAfter}), and identity-service gives a token it issues after a cut-off an {@code iat} no
 * earlier than that second. So every token issued before a cut-off is refused and every token issued after it works.
 */
public final class RevocationSet {

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> subjectCutoffs = new ConcurrentHashMap<>();
    private final Duration maxTokenLifetime;
    private final Clock clock;

    public RevocationSet(Duration maxTokenLifetime, Clock clock) {
        this.maxTokenLifetime = maxTokenLifetime;
        this.clock = clock;
    }

    public void revokeToken(EventData.TokenRevoked revoked) {
        tokens.merge(revoked.jti(), revoked.exp(), RevocationSet::later);
    }

    public void revokeSession(EventData.SessionRevoked revoked) {
        sessions.merge(revoked.sid(), revoked.exp(), RevocationSet::later);
    }

    public void revokeSubject(EventData.SubjectTokensRevoked revoked) {
        subjectCutoffs.merge(revoked.sub(), revoked.issuedBefore(), RevocationSet::later);
    }

    /** Whether a token with these claims has been revoked. */
    public boolean isRevoked(@Nullable String jti, @Nullable String sid, @Nullable String sub, @Nullable Instant issuedAt) {
        if (jti != null && tokens.containsKey(jti)) {
            return true;
        }
        if (sid != null && sessions.containsKey(sid)) {
            return true;
        }
        if (sub != null) {
            Instant cutoff = subjectCutoffs.get(sub);
            return cutoff != null && (issuedAt == null || issuedAt.isBefore(firstSecondAfter(cutoff)));
        }
        return false;
    }

    /** Drops entries that can no longer match a valid token. */
    public void purgeExpired() {
        Instant now = clock.instant();
        tokens.values().removeIf(exp -> exp.isBefore(now));
        sessions.values().removeIf(exp -> exp.isBefore(now));
        subjectCutoffs.values().removeIf(cutoff -> cutoff.plus(maxTokenLifetime).isBefore(now));
    }

    public int size() {
        return tokens.size() + sessions.size() + subjectCutoffs.size();
    }

    /** The earliest whole-second {@code iat} a token may carry to count as issued after {@code cutoff}. */
    public static Instant firstSecondAfter(Instant cutoff) {
        Instant second = cutoff.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(cutoff) ? second : second.plusSeconds(1);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
