package io.eventplatform.gateway.web;

import io.eventplatform.contracts.api.PlatformHeaders;
import io.eventplatform.requests.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the client's, if it is a short token, else a new UUID), passes it to
 * the service behind the route and puts it on the response, also for requests no route matches. A WebFilter
 * rather than a gateway GlobalFilter because those run only for routed requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    static final String ATTRIBUTE = "platform.requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String candidate = exchange.getRequest().getHeaders().getFirst(PlatformHeaders.REQUEST_ID);
        String requestId = RequestIds.acceptedOrNew(candidate);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(PlatformHeaders.REQUEST_ID, requestId))
                .build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, requestId);
        // set at commit time, so a downstream's own copy of the header cannot duplicate it
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(PlatformHeaders.REQUEST_ID, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }
}
