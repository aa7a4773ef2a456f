package io.eventplatform.prize.winner.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.prize.winner.Awards;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/rooms/{roomId}/winners} (docs/api.md "Prizes, winners and draws"): winners chosen by hand, and revoked. */
@RestController
@RequestMapping("/api/v1/rooms/{roomId}/winners")
class WinnersController {

    private final Awards awards;

    WinnersController(Awards awards) {
        this.awards = awards;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document shows; the answer sets it
    ResponseEntity<Data<WinnerResponse>> select(Caller caller, @PathVariable String roomId,
                                                @RequestBody Submitted<SelectWinnerRequest> body) {
        return ResponseEntity.status(201).body(Data.of(WinnerResponse.of(awards.select(caller, roomId,
                body.map(SelectWinnerRequest::command)))));
    }

    @GetMapping
    ListResponse<?> winners(Caller caller, @PathVariable String roomId,
                            @ListParams(sortable = "createdAt", defaultSort = "-createdAt", filters = {"prizeId", "participantId"})
                            ListQuery query) {
        return ListResponse.of(awards.list(caller, roomId, query), query, WinnerResponse::of);
    }

    @GetMapping("/{winnerId}")
    Data<WinnerResponse> winner(Caller caller, @PathVariable String roomId, @PathVariable String winnerId) {
        return Data.of(WinnerResponse.of(awards.get(caller, roomId, winnerId)));
    }

    @DeleteMapping("/{winnerId}")
    Data<Success> revoke(Caller caller, @PathVariable String roomId, @PathVariable String winnerId) {
        awards.revoke(caller, roomId, winnerId);
        return Success.done();
    }
}
