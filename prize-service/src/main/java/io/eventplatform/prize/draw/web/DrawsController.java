package io.eventplatform.prize.draw.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.prize.draw.DrawService;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/rooms/{roomId}/draws} (docs/api.md "Prizes, winners and draws"): verifiable draws and their audit trail. */
@RestController
@RequestMapping("/api/v1/rooms/{roomId}/draws")
class DrawsController {

    private final DrawService draws;

    DrawsController(DrawService draws) {
        this.draws = draws;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document shows; the answer sets it
    ResponseEntity<Data<DrawResponse>> draw(Caller caller, @PathVariable String roomId,
                                            @RequestBody(required = false) @Nullable Submitted<DrawRequest> body) {
        Submitted<DrawRequest> request = body != null ? body : Submitted.empty(DrawRequest.class);
        return ResponseEntity.status(201).body(Data.of(DrawResponse.of(draws.draw(caller, roomId,
                request.map(DrawRequest::command)))));
    }

    @GetMapping
    ListResponse<?> draws(Caller caller, @PathVariable String roomId,
                          @ListParams(sortable = "createdAt", defaultSort = "-createdAt") ListQuery query) {
        return ListResponse.of(draws.list(caller, roomId, query), query, DrawResponse::of);
    }

    @GetMapping("/{drawId}")
    Data<DrawResponse> drawDetail(Caller caller, @PathVariable String roomId, @PathVariable String drawId) {
        return Data.of(DrawResponse.of(draws.get(caller, roomId, drawId)));
    }

    @GetMapping("/{drawId}/eligible")
    Data<Map> eligible(Caller caller, @PathVariable String roomId, @PathVariable String drawId) {
        return Data.of(Map.of("participantIds", draws.eligible(caller, roomId, drawId)));
    }
}
