package io.eventplatform.room.participant.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.room.participant.Memberships;
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

/** {@code /api/v1/rooms/{roomId}/participants}: joining, the member list, roles and metadata, leaving and removal. */
@RestController
@RequestMapping("/api/v1/rooms/{roomId}/participants")
class ParticipantsController {

    private final Memberships memberships;

    ParticipantsController(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document shows; the answer sets it
    ResponseEntity<Data<ParticipantResponse>> join(Caller caller, @PathVariable String roomId,
                                                   @RequestBody(required = false) @Nullable Submitted<ParticipantRequests.Join> body) {
        Submitted<ParticipantRequests.Join> request = body != null ? body : Submitted.empty(ParticipantRequests.Join.class);
        Memberships.Joined joined = memberships.join(caller, roomId, request.map(ParticipantRequests.Join::command));
        return ResponseEntity.status(joined.created() ? 201 : 200).body(Data.of(ParticipantResponse.of(joined.participant())));
    }

    @GetMapping
    ListResponse<?> list(Caller caller, @PathVariable String roomId,
                         @ListParams(sortable = {"joinedAt", "role"}, defaultSort = "joinedAt", filters = "role") ListQuery query) {
        return ListResponse.of(memberships.list(caller, roomId, query), query, ParticipantResponse::of);
    }

    @GetMapping("/{participantId}")
    Data<ParticipantResponse> get(Caller caller, @PathVariable String roomId, @PathVariable String participantId) {
        return Data.of(ParticipantResponse.of(memberships.get(caller, roomId, participantId)));
    }

    @PatchMapping("/{participantId}")
    Data<ParticipantResponse> update(Caller caller, @PathVariable String roomId, @PathVariable String participantId,
                                     @RequestBody Submitted<ParticipantRequests.Update> body) {
        return Data.of(ParticipantResponse.of(memberships.update(caller, roomId, participantId,
                body.map(ParticipantRequests.Update::command))));
    }

    @DeleteMapping("/{participantId}")
    Data<Success> remove(Caller caller, @PathVariable String roomId, @PathVariable String participantId) {
        memberships.remove(caller, roomId, participantId);
        return Success.done();
    }
}
