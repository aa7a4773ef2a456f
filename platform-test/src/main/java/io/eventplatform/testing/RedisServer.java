package io.eventplatform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis — Debian's {@code redis-server} — started by a test on a free loopback port, without persistence.
 * It can be stopped and started again on the same port (an outage). Where the binary is not installed, the tests
 * that need it are skipped with a message saying so ({@code .ci/run} installs it).
 */
public final class RedisServer implements AutoCloseable {

    private static final List<String> PLACES = List.of("/usr/bin/redis-server", "/usr/sbin/redis-server",
            "/usr/local/bin/redis-server");

    private final Path binary;
    private final int port = freePort();
    private @Nullable Process process;

    private RedisServer(Path binary) {
        this.binary = binary;
        start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-server-stop"));
    }

    /** A running server; the calling test class is skipped (not failed) when {@code redis-server} is not installed. */
    public static RedisServer startOrSkip() {
        Optional<Path> binary = installed();
        Assumptions.assumeTrue(binary.isPresent(),
                "redis-server is not installed (Debian: apt-get install redis-server): the tests of shared counters need a real Redis");
        return new RedisServer(binary.get());
    }

    static Optional<Path> installed() {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty()).map(dir -> dir + "/redis-server");
        return Stream.concat(path, PLACES.stream()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** {@code redis://localhost:<port>}. */
    public String url() {
        return "redis://localhost:" + port;
    }

    public synchronized void start() {
        if (process != null) {
            return;
        }
        try {
            process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
        Awaitility.await("redis-server answering on port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(this::answersPing);
    }

    /** Ends the process; clients see connections refused until {@link #start()}. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
