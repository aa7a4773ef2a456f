package io.eventplatform.devstack.bench;

import org.jspecify.annotations.Nullable;

/**
 * One line of the bench's table: what a scenario reached, beside the limit this machine could reach for it and the
 * first target of the quality bar. Latencies in milliseconds; {@code rate} per second where the scenario has one.
 */
record Row(String id, String scenario, @Nullable Double rate, @Nullable Long p50, @Nullable Long p95,
           @Nullable Long p99, long errors, String result, String limit, @Nullable Double ratio, String target,
           boolean pass) {
}
