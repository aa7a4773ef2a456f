package io.eventplatform.prize.prizes;

import io.eventplatform.testing.ServiceApiTestSupport;
import org.junit.jupiter.api.BeforeEach;

/** prize-service's API tests: the shared service test setup, and the prize-service Object Mother. */
abstract class PrizeApiTestSupport extends ServiceApiTestSupport {

    PrizeWorld world;

    @BeforeEach
    void world() {
        world = new PrizeWorld(api, TOKENS, kafka, jdbc);
    }
}
