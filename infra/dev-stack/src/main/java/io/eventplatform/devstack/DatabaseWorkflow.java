package io.eventplatform.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./platform db <action> [--service identity|room|prize|all] [--url JDBC_URL]}: the original's database
 * workflow, per service. {@code validate}, {@code migrate} and {@code info} run in each service's own jar
 * ({@code --platform.db.command}, Flyway's API on the service's migrations and platform-support's), against the
 * local stack by default, or against the database the service's environment variables name ({@code DB_URL},
 * {@code DB_USER}, {@code DB_PASSWORD} — the ones the service reads; {@code --url} sets {@code DB_URL} for one
 * service). {@code reset} drops, migrates, rebuilds the replicas and seeds — for the local stack, or with
 * {@code --force}; it asks on a terminal unless {@code --yes}, and a service with the prod profile refuses it.
 * {@code new} writes the next migration file; {@code seed} is {@code ./platform seed}.
 */
public final class DatabaseWorkflow {

    static final List<String> ACTIONS = List.of("validate", "migrate", "info", "reset", "new", "seed");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private DatabaseWorkflow() {
    }

    /** The whole command; returns the exit code. */
    static int run(List<String> args, StackConfig config, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !ACTIONS.contains(args.get(0))) {
            err.println("usage: platform db validate|migrate|info|seed [--service identity|room|prize|all] [--url JDBC_URL]\n"
                    + "       platform db reset [--service …] [--yes] [--force]\n"
                    + "       platform db new --service identity|room|prize \"what it does\"");
            return 2;
        }
        List<String> rest = new ArrayList<>(args);
        String action = rest.remove(0);
        boolean yes = rest.remove("--yes");
        boolean force = rest.remove("--force");
        String service = PlatformCommand.option(rest, "--service", "all");
        String url = PlatformCommand.option(rest, "--url", null);
        List<ServiceDatabases> targets;
        try {
            targets = targets(service);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (action.equals("new")) {
            if (targets.size() != 1 || rest.size() != 1) {
                err.println("usage: platform db new --service identity|room|prize \"what it does\"");
                return 2;
            }
            try {
                Path written = newMigration(config.root().resolve(targets.get(0).service()), rest.get(0));
                out.println("Wrote " + config.root().relativize(written));
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                err.println("Cannot write the migration: " + e.getMessage());
                return 1;
            }
        }
        if (!rest.isEmpty()) {
            err.println("Unknown arguments: " + String.join(" ", rest));
            return 2;
        }
        if (action.equals("seed")) {
            return Platform.seed(config, out);
        }
        if (url != null && targets.size() != 1) {
            err.println("--url names one database: give --service too");
            return 2;
        }
        if (action.equals("reset")) {
            boolean localStack = url == null && !environment.containsKey("DB_URL");
            if (!localStack && !force) {
                err.println("reset drops every table: refused for a database other than the local stack's unless --force is given");
                return 2;
            }
            if (!yes && !confirmed(targets, out)) {
                err.println("reset not confirmed (give --yes when not on a terminal)");
                return 2;
            }
        }
        Map<String, Path> jars = ServiceJars.extractingWith(config.serviceJava())
                .runnable(config.root(), targets.stream().map(ServiceDatabases::service).toList());
        int exit = 0;
        if (action.equals("reset")) { // in order: each service's demo data needs the one before it
            for (ServiceDatabases db : targets) {
                Running reset = inServiceJar(config, db, jars.get(db.service()), action, url, environment);
                exit = Math.max(exit, reset.finish(out));
            }
            return exit;
        }
        // the databases are independent: every service's jar at once, their reports in the usual order
        List<Running> running = targets.stream()
                .map(db -> inServiceJar(config, db, jars.get(db.service()), action, url, environment)).toList();
        for (Running jar : running) {
            exit = Math.max(exit, jar.finish(out));
        }
        return exit;
    }

    /** On a terminal: asks before dropping anything. Without one: no. */
    private static boolean confirmed(List<ServiceDatabases> targets, PrintStream out) {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        String names = String.join(", ", targets.stream().map(ServiceDatabases::service).toList());
        out.print("Reset " + names + "? Every table is dropped, migrated again and seeded. Type yes to go on: ");
        out.flush();
        String answer = console.readLine();
        return answer != null && answer.trim().equals("yes");
    }

    static List<ServiceDatabases> targets(String service) {
        if (service.equals("all")) {
            return ServiceDatabases.ALL;
        }
        return ServiceDatabases.ALL.stream()
                .filter(db -> db.service().equals(service) || db.service().equals(service + "-service"))
                .findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("Unknown service " + service + "; one of identity, room, prize, all"));
    }

    /**
     * Writes {@code V<next>__<words>.sql} into the service's migration folder: the next version after the highest
     * there, the description in lower case with underscores.
     */
    static Path newMigration(Path serviceModule, String description) throws IOException {
        String words = description.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the description needs letters or digits");
        }
        Path folder = serviceModule.resolve("src/main/resources/db/migration");
        int highest = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher versioned = VERSIONED.matcher(file.getFileName().toString());
                if (versioned.matches()) {
                    highest = Math.max(highest, Integer.parseInt(versioned.group(1)));
                }
            }
        }
        Path file = folder.resolve("V" + (highest + 1) + "__" + words + ".sql");
        Files.writeString(file, "-- " + description.trim() + "\n", java.nio.file.StandardOpenOption.CREATE_NEW);
        return file;
    }

    /** A service's jar at work on one action; {@link #finish} prints what it reported and returns its exit code. */
    private interface Running {
        int finish(PrintStream out);
    }

    private static Running inServiceJar(StackConfig config, ServiceDatabases db, Path jar, String action,
                                        @Nullable String url, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(config.serviceJava()));
        command.addAll(config.commandJvmOptionsFor(db.service()));
        command.addAll(List.of("-jar", jar.toString(), "--platform.db.command=" + action,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (action.equals("reset")) {
            command.add("--spring.flyway.clean-disabled=false");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        boolean ownDatabase = url != null || environment.containsKey("DB_URL");
        if (!ownDatabase) {
            env.putAll(Platform.serviceEnvironment(config, db));
        }
        if (url != null) {
            env.put("DB_URL", url);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return out -> {
                out.println("Cannot run " + jar + ": " + e.getMessage());
                return 1;
            };
        }
        CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes());
            } catch (IOException e) {
                return "Cannot read what " + db.service() + " printed: " + e.getMessage();
            }
        });
        return out -> {
            try {
                List<String> lines = printed.join().lines().toList();
                int exit = process.waitFor();
                lines.stream().filter(line -> !line.isBlank() && !line.contains(" WARN ")).forEach(out::println);
                if (exit != 0 && exit != 1) {
                    out.printf("%s: FAILED (exit %d)%s%n", db.service(), exit, ownDatabase ? ""
                            : " — is the local stack running (./platform run or ./platform stack)?");
                    lines.stream().filter(line -> line.contains(" WARN ") || line.contains("ERROR")).limit(10).forEach(out::println);
                }
                return exit;
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                return 1;
            }
        };
    }
}
