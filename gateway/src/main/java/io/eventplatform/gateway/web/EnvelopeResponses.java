package io.eventplatform.gateway.web;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** Writing an error envelope (already serialized) as the whole response, wherever the gateway answers itself. */
public final class EnvelopeResponses {

    private EnvelopeResponses() {
    }

    public static Mono<Void> write(ServerHttpResponse response, int status, byte[] envelope) {
        response.setRawStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(envelope.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(envelope)));
    }
}
