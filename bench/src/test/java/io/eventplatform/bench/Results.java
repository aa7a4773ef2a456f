package io.eventplatform.bench;

import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one scenario measured: every response's status and time (as Gatling measured it), counted and turned into
 * exact percentiles, written as a small JSON file for the bench's table. Gatling's own HTML report is written
 * beside it; this file is what the table reads.
 */
public final class Results {

    private final Set<Integer> expected;
    private final List<Long> millis = new ArrayList<>();
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private long connectionErrors;
    private long firstStartNanos = Long.MAX_VALUE;
    private long lastEndNanos;
    private long lastSuccessEpochMillis;

    public Results(Set<Integer> expected) {
        this.expected = expected;
    }

    /** Marks the start of a request (the first one starts the clock). */
    public Session started(Session session) {
        synchronized (this) {
            firstStartNanos = Math.min(firstStartNanos, System.nanoTime());
        }
        return session;
    }

    /** Records the request that just ended; reads and clears the session's {@code status} and {@code rt}. */
    public Session record(Session session) {
        long now = System.nanoTime();
        synchronized (this) {
            lastEndNanos = Math.max(lastEndNanos, now);
            if (!session.contains("status")) {
                connectionErrors++;
            } else {
                int status = session.getInt("status");
                statuses.merge(status, 1L, Long::sum);
                millis.add(session.getLong("rt"));
                if (expected.contains(status) && status / 100 == 2) {
                    lastSuccessEpochMillis = Math.max(lastSuccessEpochMillis, System.currentTimeMillis());
                }
            }
        }
        return session.remove("status").remove("rt");
    }

    synchronized long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** The JSON the bench reads: counts, errors (any status not expected, any failed connection), percentiles, rate. */
    public synchronized String toJson() {
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        long ok = statuses.entrySet().stream().filter(e -> expected.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        long total = statuses.values().stream().mapToLong(Long::longValue).sum() + connectionErrors;
        double seconds = lastEndNanos > firstStartNanos ? (lastEndNanos - firstStartNanos) / 1e9 : 0;
        StringBuilder byStatus = new StringBuilder();
        statuses.forEach((status, n) -> byStatus.append(byStatus.length() == 0 ? "" : ",").append('"').append(status)
                .append("\":").append(n));
        return "{\"requests\":" + total + ",\"ok\":" + ok + ",\"errors\":" + (total - ok)
                + ",\"statuses\":{" + byStatus + "},\"connectionErrors\":" + connectionErrors
                + ",\"p50\":" + percentile(sorted, 50) + ",\"p95\":" + percentile(sorted, 95)
                + ",\"p99\":" + percentile(sorted, 99) + ",\"max\":" + (sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1))
                + ",\"seconds\":" + String.format(java.util.Locale.ROOT, "%.3f", seconds)
                + ",\"rate\":" + String.format(java.util.Locale.ROOT, "%.1f", seconds > 0 ? ok / seconds : 0)
                + ",\"lastSuccessEpochMillis\":" + lastSuccessEpochMillis + "}";
    }

    /** Writes {@link #toJson()} to the file named by the system property {@code bench.output}, if set. */
    public void write() {
        String output = System.getProperty("bench.output");
        if (output == null) {
            return;
        }
        try {
            Files.writeString(Path.of(output), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
