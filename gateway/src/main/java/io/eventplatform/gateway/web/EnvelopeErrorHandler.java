package io.eventplatform.gateway.web;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error the gateway itself raises (no route, method not allowed, a failure while proxying) as the
 * error envelope. Replaces Boot's default WebFlux error handler; 5xx details stay in the log.
 */
@Component
@Order(-2)
class EnvelopeErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorHandler.class);

    private final JsonMapper json;

    EnvelopeErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        int status = error instanceof ResponseStatusException statusError ? statusError.getStatusCode().value()
                : isClientTimeout(error) ? 408 : 500;
        ErrorCode code = ErrorCode.forStatus(status);
        Map<String, Object> details = null;
        if (code.status() >= 500) {
            Object requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
            RequestLogContext.run(exchange, () -> {
                if (clientWentAway(error)) {
                    // the client closed its connection (e.g. while still sending its body): no fault of the gateway's,
                    // and the answer below reaches nobody
                    log.debug("Client went away during {} {}: {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), error.toString());
                } else {
                    log.error("Gateway error for {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                            error);
                }
            });
            details = requestId == null ? null : Map.of("requestId", requestId);
        }
        byte[] body = json.writeValueAsBytes(ApiError.of(code, code.defaultMessage(), details));
        return EnvelopeResponses.write(exchange, code.status(), body);
    }

    /** Reactor Netty's word for a closed client connection; "closed BEFORE send" is the downstream's, a real error. */
    private static boolean clientWentAway(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AbortedException && (cause.getMessage() == null || !cause.getMessage().contains("BEFORE send"))) {
                return true;
            }
        }
        return false;
    }

    /** The client took too long to send its request (ClientTimeouts): its fault, not the gateway's. */
    private static boolean isClientTimeout(Throwable error) {
        // Reactor Netty's RequestTimeoutException (the whole-body limit) is not public: known by its name
        return error instanceof ReadTimeoutException
                || error.getClass().getName().equals("reactor.netty.http.server.RequestTimeoutException");
    }
}
