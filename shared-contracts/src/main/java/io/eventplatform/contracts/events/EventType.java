package io.eventplatform.contracts.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type between services: its name on the wire, its topic, its data record and schema version. */
public enum EventType {
    USER_REGISTERED("UserRegistered", Topics.IDENTITY_USERS, EventData.UserChanged.class),
    USER_UPDATED("UserUpdated", Topics.IDENTITY_USERS, EventData.UserChanged.class),
    USER_DELETED("UserDeleted", Topics.IDENTITY_USERS, EventData.UserChanged.class),
    APP_REGISTERED("AppRegistered", Topics.IDENTITY_APPS, EventData.AppChanged.class),
    APP_MANIFEST_UPDATED("AppManifestUpdated", Topics.IDENTITY_APPS, EventData.AppChanged.class),
    APP_ACTIVATION_CHANGED("AppActivationChanged", Topics.IDENTITY_APPS, EventData.AppChanged.class),
    APP_DELETED("AppDeleted", Topics.IDENTITY_APPS, EventData.AppChanged.class),
    TOKEN_REVOKED("TokenRevoked", Topics.IDENTITY_REVOCATIONS, EventData.TokenRevoked.class),
    SESSION_REVOKED("SessionRevoked", Topics.IDENTITY_REVOCATIONS, EventData.SessionRevoked.class),
    SUBJECT_TOKENS_REVOKED("SubjectTokensRevoked", Topics.IDENTITY_REVOCATIONS, EventData.SubjectTokensRevoked.class),
    ROOM_CREATED("RoomCreated", Topics.ROOMS, EventData.RoomChanged.class),
    ROOM_UPDATED("RoomUpdated", Topics.ROOMS, EventData.RoomChanged.class),
    ROOM_STATUS_CHANGED("RoomStatusChanged", Topics.ROOMS, EventData.RoomChanged.class),
    ROOM_DELETED("RoomDeleted", Topics.ROOMS, EventData.RoomChanged.class),
    PARTICIPANT_JOINED("ParticipantJoined", Topics.ROOM_PARTICIPANTS, EventData.ParticipantChanged.class),
    PARTICIPANT_UPDATED("ParticipantUpdated", Topics.ROOM_PARTICIPANTS, EventData.ParticipantChanged.class),
    PARTICIPANT_LEFT("ParticipantLeft", Topics.ROOM_PARTICIPANTS, EventData.ParticipantChanged.class),
    PRIZE_CREATED("PrizeCreated", Topics.PRIZES, EventData.PrizeChanged.class),
    PRIZE_UPDATED("PrizeUpdated", Topics.PRIZES, EventData.PrizeChanged.class),
    PRIZE_DELETED("PrizeDeleted", Topics.PRIZES, EventData.PrizeChanged.class),
    WINNER_SELECTED("WinnerSelected", Topics.PRIZE_WINNERS, EventData.WinnerChanged.class),
    WINNER_REVOKED("WinnerRevoked", Topics.PRIZE_WINNERS, EventData.WinnerChanged.class),
    DRAW_COMPLETED("DrawCompleted", Topics.PRIZE_WINNERS, EventData.DrawCompleted.class),
    APP_EVENT_PUBLISHED("AppEventPublished", Topics.ROOM_APP_EVENTS, EventData.AppEventPublished.class);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<?> dataType;

    EventType(String typeName, String topic, Class<?> dataType) {
        this.typeName = typeName;
        this.topic = topic;
        this.dataType = dataType;
    }

    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    public Class<?> dataType() {
        return dataType;
    }

    /** Bumped when the data changes incompatibly; consumers read the versions they know. */
    public int schemaVersion() {
        return 1;
    }

    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
