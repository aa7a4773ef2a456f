package io.eventplatform.gateway.routing;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.web.EnvelopeResponses;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The route filter {@code ServiceGuard=<service>}: the service's circuit breaker around the proxied call, and a fast
 * 503 in the error envelope when the service cannot be reached, does not answer in time, or its circuit is open.
 *
 * <p>Only what the service did counts against its circuit: a refused or timed-out connection, a response that did
 * not come in time after the client had sent its whole request, a connection the service dropped, a 5xx status.
 * A 4xx answer is a success; a client that aborts, or stalls its request body until the gateway drops it, counts
 * as nothing (its call is released), so no client can take a route offline for everyone else.
 */
@Component
class ServiceGuardGatewayFilterFactory extends AbstractGatewayFilterFactory<ServiceGuardGatewayFilterFactory.Config> {

    private static final Logger log = LoggerFactory.getLogger(ServiceGuardGatewayFilterFactory.class);

    private final ServiceCircuits circuits;
    private final JsonMapper json;

    ServiceGuardGatewayFilterFactory(ServiceCircuits circuits, JsonMapper json) {
        super(Config.class);
        this.circuits = circuits;
        this.json = json;
    }

    @Override
    public java.util.List<String> shortcutFieldOrder() {
        return java.util.List.of("service");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String service = config.getService();
        CircuitBreaker circuit = circuits.of(service);
        byte[] unavailable = json.writeValueAsBytes(ApiError.of(ErrorCode.SERVICE_UNAVAILABLE,
                "The " + service + " service is temporarily unavailable", Map.of("service", service)));
        return (exchange, chain) -> {
            if (!circuit.tryAcquirePermission()) {
                return EnvelopeResponses.write(exchange, 503, unavailable);
            }
            long started = System.nanoTime();
            AtomicBoolean requestSent = new AtomicBoolean();
            ServerWebExchange tracked = exchange.mutate().request(trackingBody(exchange.getRequest(), requestSent)).build();
            return chain.filter(tracked)
                    .doOnSuccess(done -> {
                        HttpStatusCode status = exchange.getResponse().getStatusCode();
                        if (status != null && status.is5xxServerError()) {
                            circuit.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, new ServiceFailure(status));
                        } else {
                            circuit.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        }
                    })
                    .doOnCancel(circuit::releasePermission)
                    .onErrorResume(error -> {
                        if (!isServiceFailure(error, requestSent.get())) {
                            circuit.releasePermission();
                            return Mono.error(error);
                        }
                        circuit.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, error);
                        log.warn("{} service failed for {} {}, answered 503: {}", service, exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath(), error.toString());
                        return exchange.getResponse().isCommitted()
                                ? Mono.error(error)
                                : EnvelopeResponses.write(exchange, 503, unavailable);
                    });
        };
    }

    /** Whether {@code error} was the service's doing (rather than the client's). */
    static boolean isServiceFailure(Throwable error, boolean requestSent) {
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            // the response time limit runs from the start of the call: it is the service's fault only once the
            // client had delivered everything
            return requestSent;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof PrematureCloseException) {
                return true;
            }
        }
        return false;
    }

    /** The request with a body that records when the client has sent all of it (at once for a request without one). */
    private static ServerHttpRequest trackingBody(ServerHttpRequest request, AtomicBoolean sent) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnComplete(() -> sent.set(true));
            }
        };
    }

    /** A 5xx answer, recorded as the failure it stands for. */
    private static final class ServiceFailure extends RuntimeException {
        ServiceFailure(HttpStatusCode status) {
            super("answered " + status.value(), null, false, false);
        }
    }

    /** {@code ServiceGuard=<service>}: the name of the service (its circuit, and the 503's details). */
    public static final class Config {
        private @Nullable String service;

        public String getService() {
            if (service == null) {
                throw new IllegalStateException("ServiceGuard needs the name of the service");
            }
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }
    }
}
