package io.eventplatform.prize.fund.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
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

/** {@code /api/v1/rooms/{roomId}/prizes} (docs/api.md "Prizes, winners and draws"): a room's prize fund. */
@RestController
@RequestMapping("/api/v1/rooms/{roomId}/prizes")
class PrizesController {

    private final PrizeFund fund;

    PrizesController(PrizeFund fund) {
        this.fund = fund;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document shows; the answer sets it
    ResponseEntity<Data<PrizeResponse>> create(Caller caller, @PathVariable String roomId,
                                               @RequestBody Submitted<PrizeRequests.Create> body) {
        return ResponseEntity.status(201).body(Data.of(PrizeResponse.of(fund.create(caller, roomId,
                body.map(PrizeRequests.Create::command)))));
    }

    @GetMapping
    ListResponse<?> prizes(Caller caller, @PathVariable String roomId,
                           @ListParams(sortable = {"createdAt", "name", "quantity"}, defaultSort = "createdAt") ListQuery query) {
        return ListResponse.of(fund.list(caller, roomId, query), query, PrizeResponse::of);
    }

    @GetMapping("/{prizeId}")
    Data<PrizeResponse> prize(Caller caller, @PathVariable String roomId, @PathVariable String prizeId) {
        return Data.of(PrizeResponse.of(fund.get(caller, roomId, prizeId)));
    }

    @PatchMapping("/{prizeId}")
    Data<PrizeResponse> update(Caller caller, @PathVariable String roomId, @PathVariable String prizeId,
                               @RequestBody Submitted<PrizeRequests.Update> body) {
        return Data.of(PrizeResponse.of(fund.update(caller, roomId, prizeId, body.map(PrizeRequests.Update::command))));
    }

    @DeleteMapping("/{prizeId}")
    Data<Success> delete(Caller caller, @PathVariable String roomId, @PathVariable String prizeId) {
        fund.delete(caller, roomId, prizeId);
        return Success.done();
    }
}
