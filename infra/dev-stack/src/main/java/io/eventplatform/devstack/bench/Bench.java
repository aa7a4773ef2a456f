package io.eventplatform.devstack.bench;

import io.eventplatform.devstack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./platform bench}: starts its own platform on free ports with a fresh data folder (or measures the one at
 * {@code --url}), prepares its data through the API, warms up, runs the quality scenarios (docs/performance.md), prints the table,
 * and writes results.json, chart.svg and Gatling's HTML reports under {@code bench-results/<time>/} (and, for a
 * platform of its own, that platform's logs).
 */
public final class Bench {

    static final List<String> ALL = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");

    private Bench() {
    }

    public static int run(List<String> args, Path root, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        String url = option(rest, "--url");
        String only = option(rest, "--scenario");
        String resultsOption = option(rest, "--results");
        String warmup = option(rest, "--warmup");
        if (!rest.isEmpty()) {
            err.println("Unknown arguments: " + String.join(" ", rest)
                    + "\nusage: platform bench [--url GATEWAY_URL] [--scenario P1,P7] [--warmup SECONDS] [--results DIR]");
            return 2;
        }
        Set<String> scenarios = new LinkedHashSet<>(only == null ? ALL : Arrays.stream(only.split(","))
                .map(String::trim).map(String::toUpperCase).toList());
        if (!ALL.containsAll(scenarios)) {
            err.println("Unknown scenario in " + scenarios + "; known: " + ALL);
            return 2;
        }
        Path runDir = (resultsOption == null ? root.resolve("bench-results") : Path.of(resultsOption))
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        try {
            Files.createDirectories(runDir.resolve("scratch"));
            Runs.Settings settings = Runs.Settings.standard();
            if (warmup != null) {
                settings = settings.withWarmup(java.time.Duration.ofSeconds(Long.parseLong(warmup)));
            }
            return measure(url, scenarios, settings, root, runDir, out);
        } catch (Exception e) {
            err.println("The bench failed: " + e.getMessage());
            return 1;
        }
    }

    private static int measure(@Nullable String url, Set<String> scenarios, Runs.Settings settings, Path root,
                               Path runDir, PrintStream out) throws Exception {
        long started = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        Path dataDir = url == null ? Files.createTempDirectory("platform-bench") : null;
        out.println(url == null ? "Starting a platform of its own (free ports, data in " + dataDir + ")..." : "Measuring " + url);
        try (Target target = url == null ? Target.start(root, dataDir, out) : Target.attach(url, System.getenv())) {
            Runs runs = new Runs(target, new GatlingRun(root, runDir), runDir.resolve("scratch"), settings);
            Row footprint = scenarios.contains("P6") ? runs.p6Footprint() : null;
            boolean crowd = scenarios.contains("P1") || scenarios.contains("P2") || scenarios.contains("P5");
            out.println("Preparing data through the API (not measured)...");
            BenchData data = BenchData.prepare(new Api(target.gateway()), crowd ? settings.users() : 200,
                    scenarios.contains("P2") ? settings.rooms() : 100, scenarios.contains("P2") ? settings.activeRooms() : 100, out);
            if ((crowd || scenarios.contains("P7")) && !settings.warmup().isZero()) {
                out.printf("Warming up for %d s (not measured)...%n", settings.warmup().toSeconds());
                runs.warmUp(data);
            }
            for (String id : ALL) {
                if (!scenarios.contains(id)) {
                    continue;
                }
                out.println("Running " + id + "...");
                rows.add(attempt(id, switch (id) {
                    case "P1" -> () -> runs.p1JoinStorm(data);
                    case "P2" -> () -> runs.p2ReadPath(data, data.organizer());
                    case "P3" -> () -> runs.p3FanOut(data);
                    case "P4" -> () -> runs.p4Draw(data);
                    case "P5" -> () -> runs.p5ParallelSelections(data);
                    case "P6" -> () -> footprint;
                    case "P7" -> () -> runs.p7GatewayOverhead(data);
                    default -> () -> runs.p8Revocation(data);
                }));
            }
        } finally {
            if (dataDir != null) {
                if (keepLogs(StackConfig.logDir(dataDir), runDir.resolve("logs"))) {
                    out.println("The logs of the platform it measured: " + runDir.resolve("logs"));
                }
                deleteQuietly(dataDir);
            }
            deleteQuietly(runDir.resolve("scratch"));
        }
        String table = Report.table(rows);
        Files.writeString(runDir.resolve("results.txt"), table);
        Files.writeString(runDir.resolve("chart.svg"), Report.svg(rows));
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(runDir.resolve("results.json").toFile(),
                Report.json(rows, context(root, settings, url, (System.nanoTime() - started) / 1e9)));
        out.println();
        out.print(table);
        out.println();
        out.println("Results: " + runDir + " (results.json, chart.svg, gatling/*/index.html)");
        return 0;
    }

    private static Row attempt(String id, Callable<Row> scenario) {
        try {
            return scenario.call();
        } catch (Exception e) {
            return new Row(id, "failed to run", null, null, null, null, 0, "error: " + e.getMessage(), "—", null, "—", false);
        }
    }

    private static Map<String, Object> context(Path root, Runs.Settings settings, @Nullable String url, double seconds) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("date", Instant.now().toString());
        context.put("commit", git(root));
        context.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        context.put("platform", url == null ? "started by the bench" : url);
        if (url == null) {
            StackConfig config = StackConfig.forBench(root, root);
            context.put("serviceJava", config.serviceJava());
            Map<String, String> options = new LinkedHashMap<>();
            for (String service : List.of("identity-service", "room-service", "prize-service", "gateway")) {
                options.put(service, String.join(" ", config.jvmOptionsFor(service)));
            }
            context.put("serviceJvmOptions", options);
        }
        context.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "memoryMiB", memoryMiB()));
        context.put("settings", settings);
        context.put("seconds", Math.round(seconds));
        return context;
    }

    private static String git(Path root) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(root.toFile()).start();
            String commit = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? commit : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static long memoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D+", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static @Nullable String option(List<String> args, String name) {
        return io.eventplatform.devstack.PlatformCommand.option(args, name, null);
    }

    /**
     * Copies the logs of the platform the bench started (its data folder is deleted) next to the results: what a
     * run's figures came from, and why a run stopped in its setup. Whether any were copied.
     */
    static boolean keepLogs(Path logDir, Path keptDir) {
        if (!Files.isDirectory(logDir)) {
            return false;
        }
        try (Stream<Path> logs = Files.list(logDir)) {
            List<Path> files = logs.filter(Files::isRegularFile).toList();
            Files.createDirectories(keptDir);
            for (Path log : files) {
                Files.copy(log, keptDir.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return !files.isEmpty();
        } catch (IOException e) {
            return false; // the figures matter more than the logs: the run goes on to its report
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
