package io.eventplatform.gateway.routing;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import java.util.Map;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow, or its circuit is open: a fast
 * 503 in the error envelope instead of a hang or a bare connection error.
 */
@RestController
class FallbackController {

    static final String PATH = "/__gateway/unavailable/";

    @RequestMapping(PATH + "{service}")
    ResponseEntity<ApiError> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null) {
            // only reachable as a circuit-breaker forward, not as a public path
            return ResponseEntity.status(404).body(ApiError.of(ErrorCode.NOT_FOUND));
        }
        return ResponseEntity.status(503).body(ApiError.of(ErrorCode.SERVICE_UNAVAILABLE,
                "The " + service + " service is temporarily unavailable", Map.of("service", service)));
    }
}
