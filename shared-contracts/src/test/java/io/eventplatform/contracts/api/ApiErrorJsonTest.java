package io.eventplatform.contracts.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiErrorJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void serializesToTheEnvelopeOfTheRestContract() {
        String body = json.writeValueAsString(
                ApiError.of(ErrorCode.VALIDATION_ERROR, "bad", Map.of("fields", Map.of("name", java.util.List.of("too long")))));

        assertThat(body).isEqualTo(
                "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"bad\",\"details\":{\"fields\":{\"name\":[\"too long\"]}}}}");
    }

    @Test
    void leavesOutDetailsWhenThereAreNone() {
        assertThat(json.writeValueAsString(ApiError.of(ErrorCode.NOT_FOUND)))
                .isEqualTo("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No such resource\"}}");
    }

    @Test
    void mapsEveryStatusToACodeOfThatStatus() {
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503}) {
            assertThat(ErrorCode.forStatus(status).status()).isEqualTo(status);
        }
        assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.forStatus(504)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
