package io.eventplatform.room.realtime;

import io.eventplatform.contracts.events.Snapshots;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The rooms' live state on this instance: each room's subscribers, its replay buffer and who is online. Every
 * change of one room (an event pushed, a subscription, presence) happens under that room's lock, so a subscriber
 * gets its ack, then the replayed events, then live ones, with nothing lost or doubled between them. Under the lock
 * messages are only queued on the connections ({@link LiveSocket#send} never waits for a socket); a message for many
 * of a gateway's clients goes over its link once.
 */
@Component
@EnableConfigurationProperties(RealtimeSettings.class)
class Hub {

    /** Where a {@code since} resume stands: replayed from the buffer, or the buffer no longer reaches back that far. */
    enum Replay { NONE, COMPLETE, TRUNCATED }

    /** An event in a room's replay buffer. */
    private record Kept(String eventId, Instant at, String text) {
    }

    /** Someone online in a room: their first connection's time and how many of their connections are subscribed. */
    private static final class Online {
        final Snapshots.UserSummary user;
        final Instant connectedAt;
        int connections;

        Online(Snapshots.UserSummary user, Instant connectedAt) {
            this.user = user;
            this.connectedAt = connectedAt;
        }
    }

    private static final class Channel {
        final ArrayDeque<Kept> recent = new ArrayDeque<>();
        final Set<LiveSocket> subscribers = new LinkedHashSet<>();
        final Map<String, Online> online = new LinkedHashMap<>();
        @Nullable Boolean isPublic;
        boolean retired;
    }

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Set<LiveSocket> sockets = ConcurrentHashMap.newKeySet();
    private final RealtimeSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json;
    private final Counter pushed;
    private final Counter replayHits;
    private final Counter replayTruncations;
    private final Counter overflows;

    Hub(RealtimeSettings settings, ObjectMapper json, MeterRegistry meters) {
        this.settings = settings;
        this.json = json;
        this.pushed = meters.counter("realtime.events.pushed");
        this.replayHits = meters.counter("realtime.replay", "result", "complete");
        this.replayTruncations = meters.counter("realtime.replay", "result", "truncated");
        this.overflows = meters.counter("realtime.closes", "reason", "send_buffer_overflow");
        meters.gauge("realtime.connections", sockets, Set::size);
        meters.gauge("realtime.subscriptions", channels, all -> all.values().stream().mapToInt(this::subscriberCount).sum());
    }

    void opened(LiveSocket socket) {
        sockets.add(socket);
    }

    /** A connection ended: it leaves every room it was in. */
    void closed(LiveSocket socket) {
        sockets.remove(socket);
        for (String roomId : List.copyOf(socket.rooms())) {
            unsubscribe(socket, roomId);
        }
    }

    Set<LiveSocket> sockets() {
        return sockets;
    }

    /** Counts a connection closed for overflowing its send buffer. */
    void overflowed() {
        overflows.increment();
    }

    /**
     * Keeps the event for resumes and queues it on every subscriber of its room. After a room's deletion nobody stays
     * subscribed; after someone leaves a private room, their connections stop following it (an admin's stay): each
     * gets {@code room:unsubscribed} with the reason.
     */
    void publish(LiveEvents.Rendered event) {
        Instant now = clock.instant();
        inRoom(event.roomId(), channel -> {
            channel.recent.addLast(new Kept(event.eventId(), now, event.text()));
            trim(channel, now);
            LiveSocket.sendAll(channel.subscribers, event.text());
            pushed.increment(channel.subscribers.size());
            if (event.isPublic() != null) {
                channel.isPublic = event.isPublic();
            }
            if (event.roomDeleted()) { // everyone at once: nobody is told who else went offline
                endSubscriptions(channel, event.roomId(), "room_deleted", socket -> true, now);
                channel.online.clear();
            } else if (event.leftUserId() != null && Boolean.FALSE.equals(channel.isPublic)) {
                endSubscriptions(channel, event.roomId(), "membership_ended", socket -> {
                    LiveSocket.Viewer viewer = socket.viewer();
                    return viewer != null && event.leftUserId().equals(viewer.userId()) && !viewer.caller().admin();
                }, now);
            }
        });
    }

    private void endSubscriptions(Channel channel, String roomId, String reason, Predicate<LiveSocket> which, Instant now) {
        Map<String, @Nullable Object> message = new LinkedHashMap<>();
        message.put("type", "room:unsubscribed");
        message.put("roomId", roomId);
        message.put("data", Map.of("reason", reason));
        String text = json.writeValueAsString(message);
        for (LiveSocket socket : List.copyOf(channel.subscribers)) {
            if (which.test(socket)) {
                socket.send(text);
                socket.rooms().remove(roomId);
                if (reason.equals("room_deleted")) {
                    channel.subscribers.remove(socket);
                } else {
                    leave(channel, socket, roomId, now);
                }
            }
        }
    }

    /**
     * Subscribes the connection: its ack (built for the replay's outcome), the events after {@code since} oldest
     * first, then every live event; and for a user's first connection to the room, {@code presence:user_online} to
     * the room ({@code user}: who they are, needed only then).
     */
    void subscribe(LiveSocket socket, String roomId, boolean isPublic, @Nullable String since,
                   Snapshots.@Nullable UserSummary user, Function<Replay, String> ack) {
        Instant now = clock.instant();
        inRoom(roomId, channel -> {
            channel.isPublic = isPublic;
            boolean already = !channel.subscribers.add(socket);
            List<String> replay = List.of();
            Replay outcome = Replay.NONE;
            if (since != null) {
                List<String> after = after(channel, since);
                outcome = after == null ? Replay.TRUNCATED : Replay.COMPLETE;
                replay = after == null ? List.of() : after;
                (after == null ? replayTruncations : replayHits).increment();
            }
            socket.send(ack.apply(outcome));
            replay.forEach(socket::send);
            socket.rooms().add(roomId);
            LiveSocket.Viewer viewer = socket.viewer();
            String userId = viewer == null ? null : viewer.userId();
            if (!already && userId != null) {
                Online online = channel.online.computeIfAbsent(userId,
                        id -> new Online(user != null ? user : new Snapshots.UserSummary(id, null, null), now));
                online.connections++;
                if (online.connections == 1) {
                    broadcast(channel, roomId, "presence:user_online", Map.of("user", shown(online)), now);
                }
            }
        });
    }

    /** Ends a subscription; a user's last connection leaving the room is {@code presence:user_offline} there. */
    void unsubscribe(LiveSocket socket, String roomId) {
        Instant now = clock.instant();
        socket.rooms().remove(roomId);
        inRoom(roomId, channel -> leave(channel, socket, roomId, now));
    }

    private void leave(Channel channel, LiveSocket socket, String roomId, Instant now) {
        if (!channel.subscribers.remove(socket)) {
            return;
        }
        LiveSocket.Viewer viewer = socket.viewer();
        String userId = viewer == null ? null : viewer.userId();
        Online online = userId == null ? null : channel.online.get(userId);
        if (online != null && --online.connections == 0) {
            channel.online.remove(userId);
            broadcast(channel, roomId, "presence:user_offline", Map.of("userId", userId), now);
        }
    }

    /** Whether the user has a connection subscribed to the room on this instance. */
    boolean isOnline(String roomId, String userId) {
        boolean[] online = new boolean[1];
        inRoom(roomId, channel -> online[0] = channel.online.containsKey(userId));
        return online[0];
    }

    /** Who is online in the room on this instance, earliest first: {@code {id, name, avatar, connectedAt}}. */
    List<Map<String, @Nullable Object>> online(String roomId) {
        List<Map<String, @Nullable Object>> users = new ArrayList<>();
        inRoom(roomId, channel -> channel.online.values().stream()
                .sorted(Comparator.comparing((Online online) -> online.connectedAt))
                .forEach(online -> users.add(shown(online))));
        return users;
    }

    /** Drops events past the buffer's limits and rooms nobody follows whose newest event is older than the age. */
    void trimAll() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Channel>> entries = channels.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<String, Channel> entry = entries.next();
            Channel channel = entry.getValue();
            synchronized (channel) {
                trim(channel, now);
                Kept newest = channel.recent.peekLast();
                boolean stale = newest == null || newest.at().isBefore(now.minus(settings.replayAge()));
                if (channel.subscribers.isEmpty() && stale) {
                    channel.retired = true;
                    channels.remove(entry.getKey(), channel);
                }
            }
        }
    }

    private void trim(Channel channel, Instant now) {
        Instant oldestKept = now.minus(settings.replayAge());
        while (channel.recent.size() > settings.replayEventsMax() || (channel.recent.size() > settings.replayEvents()
                && channel.recent.getFirst().at().isBefore(oldestKept))) {
            channel.recent.removeFirst();
        }
    }

    /** The texts after {@code since}, oldest first; null when the buffer does not hold it. */
    private static @Nullable List<String> after(Channel channel, String since) {
        List<String> later = new ArrayList<>();
        for (Iterator<Kept> newestFirst = channel.recent.descendingIterator(); newestFirst.hasNext(); ) {
            Kept kept = newestFirst.next();
            if (kept.eventId().equals(since)) {
                java.util.Collections.reverse(later);
                return later;
            }
            later.add(kept.text());
        }
        return null;
    }

    private void broadcast(Channel channel, String roomId, String type, Map<String, @Nullable Object> data, Instant now) {
        Map<String, @Nullable Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("eventId", UUID.randomUUID().toString());
        message.put("roomId", roomId);
        message.put("timestamp", now);
        message.put("data", data);
        LiveSocket.sendAll(channel.subscribers, json.writeValueAsString(message));
    }

    private static Map<String, @Nullable Object> shown(Online online) {
        Map<String, @Nullable Object> user = new LinkedHashMap<>();
        user.put("id", online.user.id());
        user.put("name", online.user.name());
        user.put("avatar", online.user.avatar());
        user.put("connectedAt", online.connectedAt);
        return user;
    }

    private int subscriberCount(Channel channel) {
        synchronized (channel) {
            return channel.subscribers.size();
        }
    }

    /** Runs {@code action} under the room's lock, on a channel that is not being retired. */
    private void inRoom(String roomId, Consumer<Channel> action) {
        while (true) {
            Channel channel = channels.computeIfAbsent(roomId, id -> new Channel());
            synchronized (channel) {
                if (!channel.retired) {
                    action.accept(channel);
                    return;
                }
            }
        }
    }
}
