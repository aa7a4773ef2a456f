package io.eventplatform.room.room.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/rooms} (docs/api.md "Rooms and participants"). Who may do what is decided in {@link RoomService}. */
@RestController
@RequestMapping("/api/v1/rooms")
class RoomsController {

    private final RoomService rooms;

    RoomsController(RoomService rooms) {
        this.rooms = rooms;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document shows; the answer sets it
    ResponseEntity<Data<RoomDetail>> create(Caller caller, @RequestBody Submitted<RoomRequests.Create> body) {
        return ResponseEntity.status(201).body(Data.of(RoomDetail.of(rooms.create(caller,
                body.map(RoomRequests.Create::command)))));
    }

    @GetMapping
    ListResponse<?> list(Caller caller,
                         @ListParams(sortable = {"createdAt", "updatedAt", "name", "status"}, defaultSort = "-createdAt",
                                 fields = {"id", "name", "description", "appId", "appSettings", "appManifestVersion",
                                         "status", "isPublic", "createdBy", "createdAt", "updatedAt", "participantCount",
                                         "prizeCount"},
                                 filters = {"status", "appId", "isPublic", "createdBy", "mine"}) ListQuery query) {
        return ListResponse.of(rooms.list(caller, query), query, RoomView::of);
    }

    @GetMapping("/{roomId}")
    Data<RoomDetail> get(Caller caller, @PathVariable String roomId) {
        return Data.of(RoomDetail.of(rooms.get(caller, roomId)));
    }

    @PatchMapping("/{roomId}")
    Data<RoomDetail> update(Caller caller, @PathVariable String roomId, @RequestBody Submitted<RoomRequests.Update> body) {
        return Data.of(RoomDetail.of(rooms.update(caller, roomId, body.map(RoomRequests.Update::command))));
    }

    @PostMapping("/{roomId}/upgrade-manifest")
    Data<RoomDetail> upgradeManifest(Caller caller, @PathVariable String roomId,
                                     @RequestBody(required = false) @Nullable Submitted<RoomRequests.UpgradeManifest> body) {
        Submitted<RoomRequests.UpgradeManifest> request = body != null ? body : Submitted.empty(RoomRequests.UpgradeManifest.class);
        return Data.of(RoomDetail.of(rooms.upgradeManifest(caller, roomId, request.map(RoomRequests.UpgradeManifest::version))));
    }

    @DeleteMapping("/{roomId}")
    Data<Success> delete(Caller caller, @PathVariable String roomId) {
        rooms.delete(caller, roomId);
        return Success.done();
    }
}
