package io.eventplatform.contracts.events;

import java.util.List;

/** The Kafka topics between services (docs/events.md). Each topic's key is named beside it. */
public final class Topics {

    /** key: user id */
    public static final String IDENTITY_USERS = "identity.users.v1";
    /** key: app id */
    public static final String IDENTITY_APPS = "identity.apps.v1";
    /** key: subject (user or app id) */
    public static final String IDENTITY_REVOCATIONS = "identity.revocations.v1";
    /** key: room id */
    public static final String ROOMS = "rooms.rooms.v1";
    /** key: room id */
    public static final String ROOM_PARTICIPANTS = "rooms.participants.v1";
    /** key: room id */
    public static final String ROOM_APP_EVENTS = "rooms.app-events.v1";
    /** key: room id */
    public static final String PRIZES = "prizes.prizes.v1";
    /** key: room id */
    public static final String PRIZE_WINNERS = "prizes.winners.v1";

    /**
     * The Kafka header with an event's place among its service's events, {@code <source>:<outbox id>}: the order of
     * that service's commits across all of its topics (a reader that gets several topics' events in one batch hands
     * them on in that order).
     */
    public static final String OUTBOX_POSITION_HEADER = "platform-outbox-position";

    public static final List<String> ALL = List.of(IDENTITY_USERS, IDENTITY_APPS, IDENTITY_REVOCATIONS, ROOMS,
            ROOM_PARTICIPANTS, ROOM_APP_EVENTS, PRIZES, PRIZE_WINNERS);

    /** The dead-letter topic where a consumer parks events it cannot process. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
