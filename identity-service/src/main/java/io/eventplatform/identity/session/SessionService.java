package io.eventplatform.identity.session;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.identity.revocation.Revocations;
import io.eventplatform.identity.token.AccessTokens;
import io.eventplatform.identity.token.TokenProperties;
import io.eventplatform.identity.user.User;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins as sessions: start one, rotate its refresh token on every refresh, end it. A rotated refresh token used
 * again is taken as stolen: the whole session (family) ends and every access token it issued is revoked — unless
 * a grace window is configured and it comes within it (ADR 0005; none by default).
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final Sessions sessions;
    private final UserAccounts users;
    private final AccessTokens accessTokens;
    private final Revocations revocations;
    private final TokenProperties properties;
    private final TransactionTemplate transactions;

    SessionService(Sessions sessions, UserAccounts users, AccessTokens accessTokens, Revocations revocations,
                   TokenProperties properties, PlatformTransactionManager transactionManager) {
        this.sessions = sessions;
        this.users = users;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A new session for a user who just proved who they are. */
    public TokenPair start(User user, @Nullable String deviceInfo, @Nullable String ip) {
        return transactions.execute(status -> {
            String sessionId = Ids.next("ses");
            String refresh = RefreshTokens.generate();
            sessions.insert(sessionId, user.id(), sessionId, RefreshTokens.hash(refresh),
                    Instant.now().plus(properties.refreshTtl()), truncate(deviceInfo), ip);
            return pair(user, sessionId, refresh);
        });
    }

    /** A new access token and a new refresh token for a valid, unused refresh token; 401 otherwise. */
    public TokenPair refresh(String refreshToken, @Nullable String deviceInfo, @Nullable String ip) {
        Outcome outcome = transactions.execute(status -> {
            Sessions.Row row = sessions.lockByRefreshHash(RefreshTokens.hash(refreshToken)).orElse(null);
            if (row == null || row.expiresAt().isBefore(Instant.now())) {
                return Outcome.refused();
            }
            if (row.revokedAt() != null) {
                if (row.revokedAt().isAfter(Instant.now().minus(properties.refreshReuseGrace()))) {
                    return Outcome.refused(); // within the configured grace: taken as a race, the session lives on
                }
                sessions.endFamily(row.familyId());
                revocations.revokeSession(row.familyId(), row.userId(), "refresh_reuse", null);
                log.warn("Refresh token reuse in session {}: session revoked", row.familyId());
                return Outcome.refused();
            }
            User user = users.find(row.userId()).orElse(null);
            if (user == null) {
                return Outcome.refused();
            }
            sessions.endRow(row.id());
            String refresh = RefreshTokens.generate();
            sessions.insert(Ids.next("ses"), user.id(), row.familyId(), RefreshTokens.hash(refresh),
                    Instant.now().plus(properties.refreshTtl()), truncate(deviceInfo), ip);
            return Outcome.of(pair(user, row.familyId(), refresh));
        });
        if (outcome == null || outcome.pair() == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The refresh token is not valid");
        }
        return outcome.pair();
    }

    /** Ends the caller's session and revokes the access token used for the request at once. */
    public void logOut(String userId, String sessionId, String jti, Instant expiresAt, @Nullable String refreshToken) {
        transactions.executeWithoutResult(status -> {
            revocations.revokeToken(jti, userId, expiresAt, "logout", null);
            sessions.endFamily(sessionId);
            revocations.revokeSession(sessionId, userId, "logout", null);
            if (refreshToken != null) {
                sessions.lockByRefreshHash(RefreshTokens.hash(refreshToken))
                        .filter(row -> row.userId().equals(userId) && !row.familyId().equals(sessionId))
                        .ifPresent(row -> {
                            sessions.endFamily(row.familyId());
                            revocations.revokeSession(row.familyId(), userId, "logout", null);
                        });
            }
        });
    }

    /** Ends one of the user's own sessions; someone else's (or an unknown one) is 404. */
    public void end(String userId, String sessionId) {
        transactions.executeWithoutResult(status -> {
            if (!sessions.isLiveFamilyOf(sessionId, userId)) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No such session");
            }
            sessions.endFamily(sessionId);
            revocations.revokeSession(sessionId, userId, "session_revoked", null);
        });
    }

    /** The user's live sessions, most recently used first. */
    public List<SessionView> list(String userId, @Nullable String currentSessionId, ListQuery query) {
        return sessions.live(userId, query.limit(), query.offset()).stream()
                .map(live -> new SessionView(live.sessionId(), live.deviceInfo(), live.ipAddress(), live.createdAt(),
                        live.lastUsedAt(), live.sessionId().equals(currentSessionId)))
                .toList();
    }

    public long countLive(String userId) {
        return sessions.countLive(userId);
    }

    private TokenPair pair(User user, String sessionId, String refresh) {
        AccessTokens.Issued access = accessTokens.forUser(user.id(), sessionId, user.email(), user.name(), user.platformRole());
        return new TokenPair(access.token(), refresh, accessTokens.accessTtlSeconds(), user);
    }

    private static @Nullable String truncate(@Nullable String deviceInfo) {
        return deviceInfo == null || deviceInfo.length() <= 512 ? deviceInfo : deviceInfo.substring(0, 512);
    }

    /** One session as the API shows it. */
    public record SessionView(String id, @Nullable String deviceInfo, @Nullable String ipAddress, Instant createdAt,
                              Instant lastUsedAt, boolean current) {
    }

    private record Outcome(@Nullable TokenPair pair) {
        static Outcome refused() {
            return new Outcome(null);
        }

        static Outcome of(TokenPair pair) {
            return new Outcome(pair);
        }
    }
}
