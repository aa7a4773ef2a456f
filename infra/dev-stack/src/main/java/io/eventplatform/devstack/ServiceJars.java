package io.eventplatform.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jar a service runs from. The build leaves one executable jar per service ({@code <service>-exec.jar}, its
 * libraries nested inside); the launcher runs the form Spring Boot's jar tools extract it into instead
 * ({@code java -Djarmode=tools -jar <service>-exec.jar extract}): the application's jar with its libraries beside it
 * on the class path. Classes then load from plain jars rather than through the nested-jar class loader, which was
 * almost half of a one-shot command's CPU and takes about a third off every service JVM's start
 * (docs/performance.md). Extracted once per build of the jar, next to it in {@code target/}; if extracting fails,
 * the executable jar runs as it is.
 */
final class ServiceJars {

    /** Extracts {@code execJar} into {@code destination} (which does not exist yet); false if it could not. */
    interface Extractor {
        boolean extract(Path execJar, Path destination) throws IOException, InterruptedException;
    }

    private static final String STAMP = ".extracted-from";
    private static final Map<Path, ReentrantLock> EXTRACTING = new ConcurrentHashMap<>();

    private final Extractor extractor;

    ServiceJars(Extractor extractor) {
        this.extractor = extractor;
    }

    /** With Spring Boot's jar tools, run by {@code java}. */
    static ServiceJars extractingWith(String java) {
        return new ServiceJars((execJar, destination) -> {
            Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", execJar.toString(), "extract",
                    "--destination", destination.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0 && Files.isRegularFile(destination.resolve(execJar.getFileName()));
        });
    }

    /** Where the build leaves a service's executable jar. */
    static Path execJar(Path root, String service) {
        return root.resolve(service).resolve("target").resolve(service + "-exec.jar");
    }

    /** Each service's jar to run, extracted in parallel where a build changed it. */
    Map<String, Path> runnable(Path root, List<String> services) {
        Map<String, Path> jars = new ConcurrentHashMap<>();
        services.parallelStream().forEach(service -> jars.put(service, runnable(execJar(root, service))));
        return jars;
    }

    /**
     * The extracted application jar of {@code execJar}, extracting it first if this build of the jar has not been;
     * the executable jar itself if it cannot be extracted (or does not exist: the caller says so).
     */
    Path runnable(Path execJar) {
        if (!Files.isRegularFile(execJar)) {
            return execJar;
        }
        String name = execJar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path extracted = execJar.resolveSibling(name);
        Path applicationJar = extracted.resolve(execJar.getFileName());
        ReentrantLock inThisProcess = EXTRACTING.computeIfAbsent(extracted, path -> new ReentrantLock());
        inThisProcess.lock();
        try (FileChannel lockFile = FileChannel.open(execJar.resolveSibling("." + name + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock betweenProcesses = lockFile.lock()) {
            String source = stampOf(execJar);
            Path stamp = extracted.resolve(STAMP);
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(source) && Files.isRegularFile(applicationJar)) {
                return applicationJar;
            }
            Path fresh = execJar.resolveSibling(name + ".extracting");
            Folders.delete(fresh);
            if (!extractor.extract(execJar, fresh)) {
                Folders.delete(fresh);
                System.err.println("Could not extract " + execJar + ": running it as it is (a slower start)");
                return execJar;
            }
            Files.writeString(fresh.resolve(STAMP), source);
            Folders.delete(extracted);
            Files.move(fresh, extracted, StandardCopyOption.ATOMIC_MOVE);
            return applicationJar;
        } catch (IOException e) {
            System.err.println("Could not extract " + execJar + " (" + e.getMessage() + "): running it as it is");
            return execJar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return execJar;
        } finally {
            inThisProcess.unlock();
        }
    }

    /** Which build of the jar: its size and modification time. */
    private static String stampOf(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }
}
