package io.eventplatform.room.realtime;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.events.Outbox;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.web.ApiException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Apps' own events for a room's live clients ({@code POST /rooms/{roomId}/events}): an app token with
 * {@code realtime:publish}, on a room of that app, an event named {@code <appId>:<name>}. At most
 * {@code app-events-per-second} per room, counted in the database so the limit holds across instances; published
 * through the outbox on {@code rooms.app-events.v1} and delivered like every other event.
 */
@Service
public class AppEvents {

    /** The data of one app event, at most this large (as JSON). */
    public static final int DATA_MAX_BYTES = 16 * 1024;
    private static final Pattern NAME = Pattern.compile("^(app_[a-z0-9_]{2,60}):([a-z0-9_]{1,50})$");
    private static final String SOURCE = "room-service";

    /** What the app asks to publish; {@code data} an object (empty when absent). */
    public record Publish(String event, JsonNode data) {
    }

    /** Accepted: the event's id, as clients will see it. */
    public record Published(String eventId, String roomId, String event) {
    }

    private final RoomService rooms;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final RealtimeSettings settings;

    AppEvents(RoomService rooms, JdbcClient jdbc, TransactionTemplate transactions,
              Outbox outbox, RealtimeSettings settings) {
        this.rooms = rooms;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.settings = settings;
    }

    public Published publish(Caller caller, String roomId, Submitted<Publish> submitted) {
        Room room = rooms.authorize(caller, roomId, RoomAction.PUBLISH_EVENTS);
        Publish request = submitted.valid();
        Matcher name = NAME.matcher(request.event());
        if (!name.matches() || !name.group(1).equals(caller.appId())) {
            new FieldErrors().add("event", "must be " + caller.appId() + ":<name>, the name of 1 to 50 of a-z, 0-9 and _")
                    .throwIfAny();
        }
        JsonNode data = request.data() == null ? JsonNodeFactory.instance.objectNode() : request.data();
        EventEnvelope<EventData.AppEventPublished> event = EventEnvelope.of(EventType.APP_EVENT_PUBLISHED, SOURCE,
                room.id(), 0, room.id(), new EventData.AppEventPublished(room.id(), Objects.requireNonNull(caller.appId()),
                        request.event(), data));
        transactions.executeWithoutResult(status -> {
            // windows of the transaction's second; one that started late, behind the row lock, counts in the newer
            int accepted = jdbc.sql("""
                            insert into app_event_windows (room_id, window_start, accepted)
                            values (?, date_trunc('second', now()), 1)
                            on conflict (room_id) do update set
                                accepted = case when excluded.window_start > app_event_windows.window_start
                                                then 1 else app_event_windows.accepted + 1 end,
                                window_start = greatest(app_event_windows.window_start, excluded.window_start)
                            returning accepted""")
                    .param(room.id())
                    .query(Integer.class).single();
            if (accepted > settings.appEventsPerSecond()) {
                throw ApiException.tooManyRequests("At most " + settings.appEventsPerSecond()
                        + " app events per second in a room", Duration.ofSeconds(1));
            }
            outbox.publish(event);
        });
        return new Published(event.id().toString(), room.id(), request.event());
    }
}
