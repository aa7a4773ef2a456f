package io.eventplatform.contracts.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an app's manifest may declare in {@code capabilities}: each needs a permission, and some a webhook the
 * platform calls ({@code webhooks.<capability>}).
 */
public enum AppCapability {
    PRIZE_FUND("prizeFund", AppPermission.PRIZES_WRITE, false),
    PARTICIPANT_REGISTRATION("participantRegistration", AppPermission.PARTICIPANTS_WRITE, true),
    WINNER_SELECTION("winnerSelection", AppPermission.WINNERS_WRITE, true),
    NOTIFICATIONS("notifications", AppPermission.REALTIME_PUBLISH, true),
    ROOM_SETTINGS("roomSettings", AppPermission.ROOMS_WRITE, false);

    private final String wire;
    private final AppPermission permission;
    private final boolean needsWebhook;

    AppCapability(String wire, AppPermission permission, boolean needsWebhook) {
        this.wire = wire;
        this.permission = permission;
        this.needsWebhook = needsWebhook;
    }

    /** As in manifests: {@code winnerSelection}. */
    public String wire() {
        return wire;
    }

    /** The permission the manifest must also ask for. */
    public AppPermission permission() {
        return permission;
    }

    /** Whether the manifest must name the webhook the platform calls for it. */
    public boolean needsWebhook() {
        return needsWebhook;
    }

    public static Optional<AppCapability> parse(String wire) {
        return Arrays.stream(values()).filter(capability -> capability.wire.equals(wire)).findFirst();
    }
}
