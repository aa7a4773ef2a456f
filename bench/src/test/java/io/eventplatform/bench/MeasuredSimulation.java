package io.eventplatform.bench;

import io.gatling.javaapi.core.Simulation;
import java.util.Set;

/** A simulation whose requests are measured into {@link Results}, written for the bench when it ends. */
public abstract class MeasuredSimulation extends Simulation {

    final Results results;

    MeasuredSimulation(Set<Integer> expected) {
        this.results = new Results(expected);
    }

    @Override
    public void after() {
        results.write();
    }
}
