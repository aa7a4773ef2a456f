package io.eventplatform.prize.prizes;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code /api/v1/rooms/{roomId}/prizes}, {@code /winners} and {@code /draws} (rest-api.md "Prizes, winners and draws"). */
@RestController
@RequestMapping("/api/v1/rooms/{roomId}")
class PrizesController {

    private final PrizeFund fund;
    private final Awards awards;
    private final DrawService draws;

    PrizesController(PrizeFund fund, Awards awards, DrawService draws) {
        this.fund = fund;
        this.awards = awards;
        this.draws = draws;
    }

    @PostMapping("/prizes")
    ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String roomId, @RequestBody JsonNode body) {
        return ResponseEntity.status(201).body(Map.of("data", fund.create(caller, roomId, body)));
    }

    @GetMapping("/prizes")
    ListResponse<?> prizes(Caller caller, @PathVariable String roomId,
                           @ListParams(sortable = {"createdAt", "name", "quantity"}, defaultSort = "createdAt") ListQuery query) {
        return fund.list(caller, roomId, query);
    }

    @GetMapping("/prizes/{prizeId}")
    Map<String, Object> prize(Caller caller, @PathVariable String roomId, @PathVariable String prizeId) {
        return Map.of("data", fund.get(caller, roomId, prizeId));
    }

    @PatchMapping("/prizes/{prizeId}")
    Map<String, Object> update(Caller caller, @PathVariable String roomId, @PathVariable String prizeId, @RequestBody JsonNode body) {
        return Map.of("data", fund.update(caller, roomId, prizeId, body));
    }

    @DeleteMapping("/prizes/{prizeId}")
    Map<String, Object> delete(Caller caller, @PathVariable String roomId, @PathVariable String prizeId) {
        fund.delete(caller, roomId, prizeId);
        return Map.of("data", Map.of("success", true));
    }

    @PostMapping("/winners")
    ResponseEntity<Map<String, Object>> select(Caller caller, @PathVariable String roomId, @RequestBody JsonNode body) {
        return ResponseEntity.status(201).body(Map.of("data", awards.select(caller, roomId, body)));
    }

    @GetMapping("/winners")
    ListResponse<?> winners(Caller caller, @PathVariable String roomId,
                            @ListParams(sortable = "createdAt", defaultSort = "-createdAt", filters = {"prizeId", "participantId"})
                            ListQuery query) {
        return awards.list(caller, roomId, query);
    }

    @GetMapping("/winners/{winnerId}")
    Map<String, Object> winner(Caller caller, @PathVariable String roomId, @PathVariable String winnerId) {
        return Map.of("data", awards.get(caller, roomId, winnerId));
    }

    @DeleteMapping("/winners/{winnerId}")
    Map<String, Object> revoke(Caller caller, @PathVariable String roomId, @PathVariable String winnerId) {
        awards.revoke(caller, roomId, winnerId);
        return Map.of("data", Map.of("success", true));
    }

    @PostMapping("/draws")
    ResponseEntity<Map<String, Object>> draw(Caller caller, @PathVariable String roomId,
                                             @RequestBody(required = false) JsonNode body) {
        return ResponseEntity.status(201).body(Map.of("data",
                draws.draw(caller, roomId, body == null ? JsonNodeFactory.instance.objectNode() : body)));
    }

    @GetMapping("/draws")
    ListResponse<?> draws(Caller caller, @PathVariable String roomId,
                          @ListParams(sortable = "createdAt", defaultSort = "-createdAt") ListQuery query) {
        return draws.list(caller, roomId, query);
    }

    @GetMapping("/draws/{drawId}")
    Map<String, Object> drawDetail(Caller caller, @PathVariable String roomId, @PathVariable String drawId) {
        return Map.of("data", draws.get(caller, roomId, drawId));
    }

    @GetMapping("/draws/{drawId}/eligible")
    Map<String, Object> eligible(Caller caller, @PathVariable String roomId, @PathVariable String drawId) {
        return Map.of("data", Map.of("participantIds", draws.eligible(caller, roomId, drawId)));
    }
}
