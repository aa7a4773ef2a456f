package io.eventplatform.prize.replica;

import io.eventplatform.contracts.rooms.RoomRole;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A participant the replica does not know yet — they joined a few milliseconds ago and their event is on its way —
 * is asked of room-service, the owner, once: with the caller's own credentials (so room-service's access rules
 * apply), within a time limit, behind a circuit breaker. What it confirms is written into the replica (version 0:
 * the event, when it comes, wins). When room-service cannot answer in time, the replica's answer stands (404).
 */
@Component
@EnableConfigurationProperties(ParticipantSource.Settings.class)
public class ParticipantSource {

    private static final Logger log = LoggerFactory.getLogger(ParticipantSource.class);

    /** An active participant as room-service confirms it. */
    public record Participant(String id, String userId, RoomRole role) {
    }

    /**
     * @param url     room-service's base URL
     * @param timeout the longest a look-up may take (connect and answer)
     */
    @ConfigurationProperties("platform.prize.room-service")
    record Settings(@DefaultValue("http://localhost:8082") String url, @DefaultValue("1s") Duration timeout) {
    }

    private final RestClient client;
    private final CircuitBreaker breaker;
    private final JdbcClient jdbc;

    ParticipantSource(Settings settings, JdbcClient jdbc, ObjectProvider<MeterRegistry> meters) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(settings.timeout());
        this.client = RestClient.builder().baseUrl(settings.url()).requestFactory(requests).build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10)).permittedNumberOfCallsInHalfOpenState(2)
                // a 4xx is room-service answering: only its silence, its refusal to connect and its 5xx count
                .ignoreExceptions(RestClientResponseException.class)
                .recordExceptions(RestClientException.class, ServerError.class)
                .build());
        this.breaker = registry.circuitBreaker("room-service");
        meters.ifAvailable(registry1 -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(registry1));
        this.jdbc = jdbc;
    }

    /** The active participant {@code participantId} of {@code roomId} according to room-service, if it says so in time. */
    public Optional<Participant> confirm(String roomId, String participantId) {
        HttpServletRequest request = currentRequest();
        if (request == null || request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return Optional.empty();
        }
        try {
            Optional<Participant> found = breaker.executeSupplier(() -> ask(roomId, participantId, request));
            found.ifPresent(participant -> remember(roomId, participant));
            return found;
        } catch (CallNotPermittedException open) {
            return Optional.empty();
        } catch (RestClientException | ServerError unavailable) {
            log.warn("room-service could not confirm participant {} of {}: {}", participantId, roomId, unavailable.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Participant> ask(String roomId, String participantId, HttpServletRequest request) {
        try {
            JsonNode body = client.get().uri("/api/v1/rooms/{room}/participants/{participant}", roomId, participantId)
                    .headers(headers -> {
                        headers.set(HttpHeaders.AUTHORIZATION, request.getHeader(HttpHeaders.AUTHORIZATION));
                        String appToken = request.getHeader("X-App-Token");
                        if (appToken != null) {
                            headers.set("X-App-Token", appToken);
                        }
                        String requestId = request.getHeader("X-Request-Id");
                        if (requestId != null) {
                            headers.set("X-Request-Id", requestId);
                        }
                    })
                    .retrieve()
                    .onStatus(status -> status.is5xxServerError(), (req, response) -> {
                        throw new ServerError("room-service answered " + response.getStatusCode().value());
                    })
                    .body(JsonNode.class);
            JsonNode data = body == null ? null : body.get("data");
            if (data == null || !roomId.equals(data.path("roomId").asString(null)) || !participantId.equals(data.path("id").asString(null))) {
                return Optional.empty();
            }
            Optional<RoomRole> role = RoomRole.parse(data.path("role").asString(""));
            return role.map(known -> new Participant(participantId, data.path("userId").asString(), known));
        } catch (RestClientResponseException notThere) {
            return Optional.empty(); // 404 (or 401/403): room-service does not show this participant to this caller
        }
    }

    private void remember(String roomId, Participant participant) {
        jdbc.sql("""
                INSERT INTO replica_participants (id, room_id, user_id, role, active, aggregate_version)
                VALUES (?, ?, ?, ?::participant_role, true, 0) ON CONFLICT (id) DO NOTHING""")
                .params(participant.id(), roomId, participant.userId(), participant.role().name()).update();
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** room-service failed (5xx): counted by the breaker. */
    static final class ServerError extends RuntimeException {
        ServerError(String message) {
            super(message);
        }
    }
}
