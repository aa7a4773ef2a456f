package io.eventplatform.gateway.web;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writing an error envelope (already serialized) as the whole response, wherever the gateway answers itself.
 *
 * <p>The request is read to its end before the answer goes out. An answer completed while the request's last part
 * is still unread (a refusal decided from the headers alone, on the event loop) can leave Reactor Netty not reading
 * the next request on that kept-alive connection, so the client waits forever for an answer (seen with a 401 and
 * a 429; a proxied answer always comes after the request was read). HTTP asks the same of a server that keeps the
 * connection (RFC 9112, 9.3). A large body is read and dropped too: answering first and closing the connection
 * while the client still sends makes its operating system reset the connection, and the client never sees the
 * answer. The client's time limits bound the wait (read pause, whole body); only a client already too slow (408)
 * is answered at once, and its connection closed.
 */
public final class EnvelopeResponses {

    private EnvelopeResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, int status, byte[] envelope) {
        ServerHttpResponse response = exchange.getResponse();
        if (status == 408) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            return send(response, status, envelope);
        }
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then()
                .onErrorResume(alreadyRead -> Mono.empty()) // a proxied call read it before failing
                .then(Mono.defer(() -> send(response, status, envelope)));
    }

    private static Mono<Void> send(ServerHttpResponse response, int status, byte[] envelope) {
        response.setRawStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(envelope.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(envelope)));
    }
}
