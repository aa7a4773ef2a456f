package io.eventplatform.support.events;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.Topics;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/deadletters/{topic}} on a service's own port (not routed by the gateway), with the
 * operator's token: replays the events parked on {@code <topic>.dlt} onto the topic; an unknown topic is 404.
 */
@Endpoint(id = "deadletters")
final class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @WriteOperation
    WebEndpointResponse<Object> replay(@Selector String topic) {
        if (!Topics.ALL.contains(topic)) {
            return new WebEndpointResponse<>(ApiError.of(ErrorCode.NOT_FOUND, "No such topic",
                    Map.of("topic", topic, "topics", Topics.ALL)), WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(Map.of("topic", topic, "replayed", deadLetters.replay(topic)));
    }
}
