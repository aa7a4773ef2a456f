package io.eventplatform.room.room.web;

import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.validation.FreeForm;
import io.eventplatform.support.validation.NotCleared;
import io.eventplatform.support.validation.TextLength;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The bodies {@code /api/v1/rooms} accepts (docs/api.md "Rooms and participants"). */
final class RoomRequests {

    private RoomRequests() {
    }

    /** {@code POST /rooms}; {@code organizerId} only from an app acting alone. */
    record Create(@NotNull(message = "is required") @TextLength(min = 1, max = Room.NAME_MAX) @Nullable String name,
                  @TextLength(max = Room.DESCRIPTION_MAX) @Nullable String description,
                  @NotNull(message = "is required") @TextLength(min = 1, max = 100) @Nullable String appId,
                  @FreeForm @Nullable ObjectNode appSettings,
                  @Nullable Boolean isPublic,
                  @TextLength(min = 1, max = 100) @Nullable String organizerId) {

        RoomService.NewRoom command() {
            return new RoomService.NewRoom(name, description, appId, appSettings, isPublic, organizerId);
        }
    }

    /** {@code PATCH /rooms/{id}}, a merge-patch: absent stays, {@code null} clears what may be cleared. */
    record Update(@NotCleared Patch<@TextLength(min = 1, max = Room.NAME_MAX) String> name,
                  Patch<@TextLength(max = Room.DESCRIPTION_MAX) String> description,
                  Patch<@FreeForm ObjectNode> appSettings,
                  Patch<Boolean> isPublic,
                  @NotCleared Patch<RoomStatus> status) {

        Room.Update command() {
            return new Room.Update(name, description, appSettings, isPublic, status);
        }
    }

    /** {@code POST /rooms/{id}/upgrade-manifest}; without a version, the app's newest. */
    record UpgradeManifest(@TextLength(min = 1, max = 100) @Nullable String version) {
    }
}
