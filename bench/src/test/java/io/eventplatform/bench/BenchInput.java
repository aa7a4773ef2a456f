package io.eventplatform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What ./platform bench hands a simulation, as system properties ({@code bench.*}) and files of one value a line. */
final class BenchInput {

    private BenchInput() {
    }

    static String url() {
        return required("bench.url");
    }

    static String value(String name) {
        return required("bench." + name);
    }

    static int number(String name, int fallback) {
        return Integer.getInteger("bench." + name, fallback);
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }

    /** The lines of the file named by {@code bench.<name>}. */
    static List<String> lines(String name) {
        try {
            return Files.readAllLines(Path.of(required("bench." + name))).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands out the values in order, each once; {@code null} when all are taken. */
    static final class Queue {
        private final List<String> values;
        private final AtomicInteger next = new AtomicInteger();

        Queue(List<String> values) {
            this.values = values;
        }

        String take() {
            int index = next.getAndIncrement();
            return index < values.size() ? values.get(index) : null;
        }

        String any() {
            return values.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(values.size()));
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing system property " + name);
        }
        return value;
    }
}
