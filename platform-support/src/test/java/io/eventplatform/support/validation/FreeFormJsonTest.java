package io.eventplatform.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.json.PlatformJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeFormJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\": [1, 2.5, -9007199254740991, true, null, \"x\"]}",
            "{\"price\": 0.1234567890123456}", "{\"n\": 9007199254740991}"})
    void whatEveryClientReadsBackAsSentIsAccepted(String json) {
        assertThat(FreeFormJson.problem(PlatformJson.mapper().readTree(json))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"n\": 9007199254740992}", "{\"n\": -99999999999999999999999}", "{\"n\": 1e400}"})
    void numbersOutOfRangeAreRefused(String json) {
        assertThat(FreeFormJson.problem(PlatformJson.mapper().readTree(json))).hasValue("contains a number out of range");
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 40})
    void nestingDeeperThanTheLimitIsRefused(int depth) {
        String json = "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
        assertThat(FreeFormJson.problem(PlatformJson.mapper().readTree(json))).get().asString().contains("32 levels");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32})
    void nestingUpToTheLimitIsAccepted(int depth) {
        String json = "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
        assertThat(FreeFormJson.problem(PlatformJson.mapper().readTree(json))).isEmpty();
    }
}
