package io.eventplatform.room.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hub's limits ({@code platform.realtime.*}, docs/realtime.md).
 *
 * @param authTimeout        how long a connection may stay unauthenticated
 * @param idleTimeout        a connection silent this long (no message, no pong) is dropped
 * @param pingInterval       how often the server pings a connection
 * @param sweepInterval      how often connections are checked for expired or revoked tokens, silence and pings
 * @param replayEvents       the replay buffer keeps at least the last this many events of a room...
 * @param replayAge          ...and every event younger than this (up to {@code replayEventsMax})
 * @param replayEventsMax    the most events a room's buffer holds, however young
 * @param sendBuffer         the text a connection may have waiting to be sent; beyond it, close 4408
 * @param appEventsPerSecond app events accepted per room per second
 * @param linkSendBuffer     the text a gateway's link may have waiting to be sent; beyond it, the link closes (its
 *                           clients reconnect and resume)
 * @param roomsPerConnection the most rooms one connection may follow at a time
 */
@ConfigurationProperties("platform.realtime")
record RealtimeSettings(@DefaultValue("5s") Duration authTimeout, @DefaultValue("60s") Duration idleTimeout,
                               @DefaultValue("25s") Duration pingInterval, @DefaultValue("200ms") Duration sweepInterval,
                               @DefaultValue("1000") int replayEvents, @DefaultValue("5m") Duration replayAge,
                               @DefaultValue("10000") int replayEventsMax, @DefaultValue("1MB") DataSize sendBuffer,
                               @DefaultValue("10") int appEventsPerSecond,
                               @DefaultValue("64MB") DataSize linkSendBuffer,
                               @DefaultValue("100") int roomsPerConnection) {
}
