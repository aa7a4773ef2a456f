package io.eventplatform.gateway.security;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.web.EnvelopeResponses;
import io.eventplatform.security.OperatorToken;
import io.eventplatform.security.SecurityProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own operational endpoints (metrics, the rest of {@code /actuator} but health) answer only the
 * operator's token ({@link OperatorToken}); health stays public for load balancers and probes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class OperatorEndpoints implements WebFilter {

    private final OperatorToken operator;
    private final byte[] unauthorized;

    OperatorEndpoints(SecurityProperties properties, JsonMapper json) {
        this.operator = properties.operatorToken();
        this.unauthorized = json.writeValueAsBytes(ApiError.of(ErrorCode.UNAUTHORIZED,
                "The operational endpoints need the operator's token"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!OperatorToken.guards(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        if (operator.admits(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return EnvelopeResponses.write(exchange, 401, unauthorized);
    }
}
