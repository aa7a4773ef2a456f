package io.eventplatform.identity;

import io.eventplatform.testing.FeatureModules;
import org.junit.jupiter.api.Test;

/** identity-service's features keep to their own packages, depend on each other without cycles, and docs/modules says how. */
class ModularityTests {

    @Test
    void featuresDependOnlyOnEachOthersPublishedTypesAndWithoutCycles() {
        FeatureModules.verify(IdentityServiceApplication.class, "identity-service");
    }
}
