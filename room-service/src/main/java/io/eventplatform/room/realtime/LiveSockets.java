package io.eventplatform.room.realtime;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The client protocol of {@code /api/v1/ws} (docs/realtime.md): {@code auth} (or a bearer token on the upgrade),
 * {@code room:subscribe} with an optional {@code since}, {@code room:unsubscribe}, {@code presence:get_online},
 * {@code ping}. Every request with an {@code id} is acked with it. Tokens are verified like on every REST call
 * (signature, issuer, audience, expiry, revocation); {@link Sweeper} closes a connection when its token expires or is
 * revoked.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class LiveSockets extends TextWebSocketHandler implements Link.Clients {

    static final String BEARER_ATTRIBUTE = "realtime.bearer";
    private static final String SOCKET_ATTRIBUTE = "realtime.socket";

    private final Hub hub;
    private final JwtDecoder tokens;
    private final RoomService rooms;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RealtimeSettings settings;
    private final Executor executor;
    private final Clock clock = Clock.systemUTC();
    private static final int CHECKS_AT_ONCE = 4;
    private static final String PONG = "{\"type\":\"pong\"}";
    /** The messages about one room, each with its {@code roomId}. */
    private static final Set<String> ROOM_MESSAGES = Set.of("room:subscribe", "room:unsubscribe", "presence:get_online");
    private final Semaphore checks = new Semaphore(CHECKS_AT_ONCE, true);

    LiveSockets(Hub hub, JwtDecoder tokens, RoomService rooms, JdbcClient jdbc, ObjectMapper json,
                RealtimeSettings settings, @Qualifier("realtimeExecutor") ExecutorService realtimeExecutor) {
        this.hub = hub;
        this.tokens = tokens;
        this.rooms = rooms;
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.executor = realtimeExecutor;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        SendQueue output = new SendQueue(session, settings.sendBuffer().toBytes(), executor, hub::overflowed);
        LiveSocket socket = new LiveSocket(output, clock.instant());
        session.getAttributes().put(SOCKET_ATTRIBUTE, socket);
        Object bearer = session.getAttributes().get(BEARER_ATTRIBUTE);
        opened(socket, bearer instanceof String token ? token : null);
    }

    @Override
    public void opened(LiveSocket socket, @Nullable String bearer) {
        hub.opened(socket);
        if (bearer != null) {
            authenticate(socket, null, bearer);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            socket.heard(clock.instant());
            received(socket, message.getPayload());
        }
    }

    @Override
    public void received(LiveSocket socket, String message) {
        JsonNode request;
        try {
            request = json.readTree(message);
        } catch (JacksonException e) {
            socket.send(error(null, ErrorCode.VALIDATION_ERROR, "Each message must be a JSON object"));
            return;
        }
        Object id = idOf(request);
        String type = text(request, "type");
        if (!request.isObject() || type == null) {
            socket.send(error(id, ErrorCode.VALIDATION_ERROR, "Each message must be a JSON object with a type"));
            return;
        }
        if (type.equals("auth")) {
            String token = text(request, "token");
            authenticate(socket, id, token == null ? "" : token);
            return;
        }
        if (type.equals("ping")) {
            socket.send(id == null ? PONG : json.writeValueAsString(reply("pong", id)));
            return;
        }
        LiveSocket.Viewer viewer = socket.viewer();
        if (viewer == null) {
            socket.send(error(id, ErrorCode.UNAUTHORIZED, "Authenticate first: {\"type\":\"auth\",\"token\":\"…\"}"));
            socket.closeLater(LiveSocket.UNAUTHORIZED);
            return;
        }
        if (!ROOM_MESSAGES.contains(type)) {
            socket.send(error(id, ErrorCode.VALIDATION_ERROR, "Unknown message type: " + type));
            return;
        }
        String roomId = text(request, "roomId");
        if (roomId == null) {
            socket.send(error(id, ErrorCode.VALIDATION_ERROR, type + " needs the room's id as a string in roomId"));
            return;
        }
        switch (type) {
            case "room:subscribe" -> subscribe(socket, viewer, id, roomId, text(request, "since"));
            case "room:unsubscribe" -> {
                hub.unsubscribe(socket, roomId);
                socket.send(ack(id, Map.of()));
            }
            default -> online(socket, viewer, id, roomId);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, org.springframework.web.socket.PongMessage message) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            socket.heard(clock.instant());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            closed(socket, status);
        }
    }

    @Override
    public void closed(LiveSocket socket, CloseStatus status) {
        socket.close(status);
        hub.closed(socket);
    }

    @Override
    public void overflowed() {
        hub.overflowed();
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            socket.closeLater(CloseStatus.SERVER_ERROR);
        }
    }

    private void authenticate(LiveSocket socket, @Nullable Object id, String token) {
        Jwt jwt;
        try {
            jwt = tokens.decode(token);
        } catch (JwtException | IllegalArgumentException e) {
            Map<String, @Nullable Object> reply = reply("auth", id);
            reply.put("ok", false);
            reply.put("error", Map.of("code", ErrorCode.UNAUTHORIZED.name(), "message", "The token is not valid"));
            socket.send(json.writeValueAsString(reply));
            socket.closeLater(LiveSocket.UNAUTHORIZED);
            return;
        }
        LiveSocket.Viewer viewer = viewerOf(jwt);
        LiveSocket.Viewer before = socket.viewer();
        if (before != null && !before.subject().equals(viewer.subject())) {
            socket.send(error(id, ErrorCode.FORBIDDEN, "A connection stays with the user or app it was opened for"));
            return;
        }
        socket.authenticate(viewer);
        Map<String, @Nullable Object> reply = reply("auth", id);
        reply.put("ok", true);
        if (viewer.userId() != null) {
            reply.put("userId", viewer.userId());
        } else {
            reply.put("appId", viewer.appId());
        }
        reply.put("expiresAt", viewer.expiresAt());
        socket.send(json.writeValueAsString(reply));
    }

    static LiveSocket.Viewer viewerOf(Jwt jwt) {
        String subject = jwt.getSubject();
        Instant expiresAt = jwt.getExpiresAt() == null ? Instant.MAX : jwt.getExpiresAt();
        Caller caller;
        if (TokenClaims.APP_TOKEN.equals(jwt.getClaimAsString(TokenClaims.TYPE))) {
            List<String> permissions = jwt.getClaimAsStringList(TokenClaims.PERMISSIONS);
            caller = Caller.app(subject, permissions == null ? Set.of() : Set.copyOf(permissions));
        } else {
            caller = Caller.user(subject, TokenClaims.ADMIN.equals(jwt.getClaimAsString(TokenClaims.PLATFORM_ROLE)));
        }
        return new LiveSocket.Viewer(caller.userId(), caller.appId(), caller, expiresAt, jwt.getId(),
                jwt.getClaimAsString(TokenClaims.SESSION), subject, jwt.getIssuedAt());
    }

    private void subscribe(LiveSocket socket, LiveSocket.Viewer viewer, @Nullable Object id, String roomId,
                           @Nullable String since) {
        int most = settings.roomsPerConnection();
        if (socket.rooms().size() >= most && !socket.rooms().contains(roomId)) {
            socket.send(error(id, ErrorCode.BAD_REQUEST,
                    "A connection follows at most " + most + " rooms at a time: unsubscribe from one first"));
            return;
        }
        Checked checked = check(socket, viewer, id, roomId, true);
        if (checked == null) {
            return;
        }
        Room room = checked.room();
        Map<String, Object> shown = Map.of("id", room.id(), "name", room.name(), "status", room.status().wire());
        hub.subscribe(socket, room.id(), room.isPublic(), since, checked.user(), replay -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("room", shown);
            if (replay != Hub.Replay.NONE) {
                fields.put("replay", replay == Hub.Replay.TRUNCATED ? "truncated" : "complete");
            }
            return ack(id, fields);
        });
    }

    private void online(LiveSocket socket, LiveSocket.Viewer viewer, @Nullable Object id, String roomId) {
        Checked checked = check(socket, viewer, id, roomId, false);
        if (checked != null) {
            List<Map<String, @Nullable Object>> users = hub.online(checked.room().id());
            socket.send(ack(id, Map.of("users", users, "count", users.size())));
        }
    }

    /** The room the viewer may follow, and who they are for presence (looked up when not online there yet). */
    private record Checked(Room room, Snapshots.@Nullable UserSummary user) {
    }

    /**
     * Whether the viewer may follow the room; if not, the ack says why. A hall's phones subscribe all at once: the
     * database is asked by at most {@value #CHECKS_AT_ONCE} subscriptions at a time, the others wait their turn here
     * rather than for a pooled connection (whose wait is bounded), and a busy database is a retryable ack, never a
     * closed connection.
     */
    private @Nullable Checked check(LiveSocket socket, LiveSocket.Viewer viewer, @Nullable Object id,
                                    String roomId, boolean withUser) {
        try {
            checks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            Room room = rooms.authorize(viewer.caller(), roomId, RoomAction.READ_EVENTS);
            String userId = viewer.userId();
            boolean lookUp = withUser && userId != null && !hub.isOnline(room.id(), userId);
            return new Checked(room, lookUp ? userSummary(userId) : null);
        } catch (ApiException e) {
            socket.send(error(id, e.code(), e.getMessage()));
        } catch (DataAccessException e) {
            socket.send(error(id, ErrorCode.SERVICE_UNAVAILABLE, "The room cannot be checked right now; try again"));
        } finally {
            checks.release();
        }
        return null;
    }

    private Snapshots.UserSummary userSummary(String userId) {
        Optional<Snapshots.UserSummary> known = jdbc.sql("select name, avatar from replica_users where id = ?")
                .param(userId)
                .query((rs, row) -> new Snapshots.UserSummary(userId, rs.getString("name"), rs.getString("avatar")))
                .optional();
        return known.orElse(new Snapshots.UserSummary(userId, null, null));
    }

    /** A reply of this type, with the request's {@code id} when it had one. */
    private static Map<String, @Nullable Object> reply(String type, @Nullable Object id) {
        Map<String, @Nullable Object> reply = new LinkedHashMap<>();
        reply.put("type", type);
        if (id != null) {
            reply.put("id", id);
        }
        return reply;
    }

    private String ack(@Nullable Object id, Map<String, ?> fields) {
        Map<String, @Nullable Object> reply = reply("ack", id);
        reply.put("ok", true);
        reply.putAll(fields);
        return json.writeValueAsString(reply);
    }

    private String error(@Nullable Object id, ErrorCode code, String message) {
        Map<String, @Nullable Object> reply = reply("ack", id);
        reply.put("ok", false);
        reply.put("error", Map.of("code", code.name(), "message", message));
        return json.writeValueAsString(reply);
    }

    /** The request's {@code id} as the client wrote it, a string or a number (echoed in the reply), or null. */
    private static @Nullable Object idOf(JsonNode request) {
        JsonNode id = request.get("id");
        if (id == null) {
            return null;
        }
        return id.isString() ? id.asString() : id.isNumber() ? id.numberValue() : null;
    }

    private static @Nullable String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static @Nullable LiveSocket socketOf(WebSocketSession session) {
        return (LiveSocket) session.getAttributes().get(SOCKET_ATTRIBUTE);
    }
}
