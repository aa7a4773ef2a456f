package io.eventplatform.room;

import io.eventplatform.testing.FeatureModules;
import org.junit.jupiter.api.Test;

/** room-service's features keep to their own packages, depend on each other without cycles, and docs/modules says how. */
class ModularityTests {

    @Test
    void featuresDependOnlyOnEachOthersPublishedTypesAndWithoutCycles() {
        FeatureModules.verify(RoomServiceApplication.class, "room-service");
    }
}
