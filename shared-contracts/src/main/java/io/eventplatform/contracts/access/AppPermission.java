package io.eventplatform.contracts.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an app's manifest may ask for in {@code permissions}, and its token then carries in {@code perms}. */
public enum AppPermission {
    USERS_READ("users:read"),
    ROOMS_READ("rooms:read"),
    ROOMS_WRITE("rooms:write"),
    PARTICIPANTS_READ("participants:read"),
    PARTICIPANTS_WRITE("participants:write"),
    PRIZES_READ("prizes:read"),
    PRIZES_WRITE("prizes:write"),
    WINNERS_READ("winners:read"),
    WINNERS_WRITE("winners:write"),
    REALTIME_SUBSCRIBE("realtime:subscribe"),
    REALTIME_PUBLISH("realtime:publish");

    private static final Set<String> WIRE = Arrays.stream(values()).map(AppPermission::wire)
            .collect(Collectors.toUnmodifiableSet());

    private final String wire;

    AppPermission(String wire) {
        this.wire = wire;
    }

    /** As in manifests and tokens: {@code rooms:write}. */
    public String wire() {
        return wire;
    }

    public static Set<String> wireNames() {
        return WIRE;
    }

    public static Optional<AppPermission> parse(String wire) {
        return Arrays.stream(values()).filter(permission -> permission.wire.equals(wire)).findFirst();
    }
}
