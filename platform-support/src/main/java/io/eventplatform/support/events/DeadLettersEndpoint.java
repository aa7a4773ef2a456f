package io.eventplatform.support.events;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/deadletters/{topic}} on a service's own port (not routed by the gateway): replays the
 * events parked on {@code <topic>.dlt} onto the topic.
 */
@Endpoint(id = "deadletters")
final class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @WriteOperation
    Map<String, Object> replay(@Selector String topic) {
        return Map.of("topic", topic, "replayed", deadLetters.replay(topic));
    }
}
