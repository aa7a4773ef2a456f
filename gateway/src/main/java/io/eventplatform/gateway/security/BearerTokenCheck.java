package io.eventplatform.gateway.security;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.web.EnvelopeResponses;
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
 * Refuses a bearer token at the edge when it fails the rules every service applies ({@link EdgeTokens}): a forged,
 * expired or revoked token gets 401 here and never reaches a service. A request without a token passes on; the
 * service decides whether its path is public.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BearerTokenCheck implements WebFilter {

    private final EdgeTokens tokens;
    private final byte[] unauthorized;

    BearerTokenCheck(EdgeTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.unauthorized = json.writeValueAsBytes(ApiError.of(ErrorCode.UNAUTHORIZED));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return tokens.check(exchange).flatMap(check -> check.kind() == EdgeTokens.Check.Kind.INVALID
                ? refuse(exchange) : chain.filter(exchange));
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return EnvelopeResponses.write(exchange, 401, unauthorized);
    }
}
