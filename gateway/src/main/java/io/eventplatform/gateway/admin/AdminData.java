package io.eventplatform.gateway.admin;

import io.eventplatform.gateway.routing.Downstreams;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/admin/data}: every service's tables and row counts in one answer, asked of each service with
 * the caller's own token (each service decides: platform admins only). A service that does not answer is listed as
 * unavailable; a caller the services refuse gets their refusal.
 */
@RestController
class AdminData {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final Map<String, WebClient> services = new LinkedHashMap<>();

    AdminData(Downstreams downstreams) {
        for (Map.Entry<String, URI> service : downstreams.byName().entrySet()) {
            services.put(service.getKey(), WebClient.builder().baseUrl(service.getValue().toString()).build());
        }
    }

    /** The data browser's web page (static, {@code /admin/index.html}). */
    @GetMapping({"/admin", "/admin/"})
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/admin/index.html")).build();
    }

    @GetMapping("/api/v1/admin/data")
    Mono<ResponseEntity<Object>> overview(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> ask(service.getKey(), service.getValue(), authorization))
                .collectList()
                .map(AdminData::answer);
    }

    private record Answer(String service, int status, JsonNode body) {
    }

    private static Mono<Answer> ask(String name, WebClient client, String authorization) {
        return client.get().uri("/api/v1/admin/data/{service}", name)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve().bodyToMono(JsonNode.class)
                .map(body -> new Answer(name, 200, body))
                .timeout(LIMIT)
                .onErrorResume(WebClientResponseException.class, refused -> Mono.just(new Answer(name,
                        refused.getStatusCode().value(), refused.getResponseBodyAs(JsonNode.class))))
                .onErrorResume(unavailable -> Mono.just(new Answer(name, 503, null)));
    }

    private static ResponseEntity<Object> answer(List<Answer> answers) {
        for (Answer answer : answers) {
            if ((answer.status() == 401 || answer.status() == 403) && answer.body() != null) {
                return ResponseEntity.status(answer.status()).body(answer.body());
            }
        }
        List<Object> data = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.status() == 200 && answer.body() != null) {
                data.add(answer.body().get("data"));
            } else {
                data.add(Map.of("service", answer.service(), "unavailable", true));
            }
        }
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("data", data));
    }
}
