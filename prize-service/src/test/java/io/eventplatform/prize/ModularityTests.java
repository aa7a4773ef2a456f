package io.eventplatform.prize;

import io.eventplatform.testing.FeatureModules;
import org.junit.jupiter.api.Test;

/** prize-service's features keep to their own packages, depend on each other without cycles, and docs/modules says how. */
class ModularityTests {

    @Test
    void featuresDependOnlyOnEachOthersPublishedTypesAndWithoutCycles() {
        FeatureModules.verify(PrizeServiceApplication.class, "prize-service");
    }
}
