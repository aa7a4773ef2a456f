package io.eventplatform.prize.fund.web;

import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.security.Caller;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String roomId,
                                               @RequestBody Submitted<PrizeRequests.Create> body) {
        return ResponseEntity.status(201).body(Map.of("data", PrizeResponse.of(fund.create(caller, roomId,
                body.map(PrizeRequests.Create::command)))));
    }

    @GetMapping
    ListResponse<?> prizes(Caller caller, @PathVariable String roomId,
                           @ListParams(sortable = {"createdAt", "name", "quantity"}, defaultSort = "createdAt") ListQuery query) {
        return ListResponse.of(fund.list(caller, roomId, query), query, PrizeResponse::of);
    }

    @GetMapping("/{prizeId}")
    Map<String, Object> prize(Caller caller, @PathVariable String roomId, @PathVariable String prizeId) {
        return Map.of("data", PrizeResponse.of(fund.get(caller, roomId, prizeId)));
    }

    @PatchMapping("/{prizeId}")
    Map<String, Object> update(Caller caller, @PathVariable String roomId, @PathVariable String prizeId,
                               @RequestBody Submitted<PrizeRequests.Update> body) {
        return Map.of("data", PrizeResponse.of(fund.update(caller, roomId, prizeId, body.map(PrizeRequests.Update::command))));
    }

    @DeleteMapping("/{prizeId}")
    Map<String, Object> delete(Caller caller, @PathVariable String roomId, @PathVariable String prizeId) {
        fund.delete(caller, roomId, prizeId);
        return Map.of("data", Map.of("success", true));
    }
}
