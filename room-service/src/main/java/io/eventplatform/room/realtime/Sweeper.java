package io.eventplatform.room.realtime;

import io.eventplatform.process.PeriodicTask;
import io.eventplatform.security.RevocationSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Every {@code sweep-interval}: closes connections whose token expired or was revoked (4401; a connection that
 * re-authenticated is checked against its new token), that never authenticated within the auth timeout (4401) or
 * that stayed silent past the idle timeout (1001); pings the others when their ping is due; trims the replay buffers.
 */
@Component
class Sweeper extends PeriodicTask {

    /** How long an overflowed connection may take to accept its message in flight before it is cut off. */
    private static final Duration OVERFLOWED_GRACE = Duration.ofSeconds(10);

    private final Hub hub;
    private final RevocationSet revocations;
    private final RealtimeSettings settings;
    private final Clock clock = Clock.systemUTC();

    Sweeper(Hub hub, RevocationSet revocations, RealtimeSettings settings) {
        super("realtime-sweeper", settings.sweepInterval(), settings.sweepInterval());
        this.hub = hub;
        this.revocations = revocations;
        this.settings = settings;
    }

    @Override
    protected void runOnce() {
        try {
            Instant now = clock.instant();
            for (LiveSocket socket : hub.sockets()) {
                check(socket, now);
            }
            hub.trimAll();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Sweeper.class).warn("realtime sweep failed", e);
        }
    }

    void check(LiveSocket socket, Instant now) {
        Instant overflowed = socket.overflowedAt();
        if (overflowed != null) {
            if (!now.isBefore(overflowed.plus(OVERFLOWED_GRACE))) { // it never took the message in flight
                socket.closeLater(LiveSocket.TOO_SLOW);
            }
            return;
        }
        LiveSocket.Viewer viewer = socket.viewer();
        if (viewer == null) {
            if (!now.isBefore(socket.openedAt().plus(settings.authTimeout()))) {
                socket.closeLater(LiveSocket.UNAUTHORIZED);
            }
            return;
        }
        if (!now.isBefore(viewer.expiresAt())
                || revocations.isRevoked(viewer.jti(), viewer.sid(), viewer.subject(), viewer.issuedAt())) {
            socket.closeLater(LiveSocket.UNAUTHORIZED);
            return;
        }
        if (!now.isBefore(socket.lastHeard().plus(settings.idleTimeout()))) {
            socket.closeLater(LiveSocket.IDLE);
            return;
        }
        if (!now.isBefore(socket.lastPinged().plus(settings.pingInterval()))) {
            socket.pingIfIdle(now);
        }
    }
}
