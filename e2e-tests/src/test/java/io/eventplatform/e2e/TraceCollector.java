package io.eventplatform.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trace backend for the end-to-end test: an HTTP server taking what the platform exports over OTLP (protobuf
 * over HTTP, {@code /v1/traces}) and keeping each export request's body. The backend is outside the platform, so
 * the test plays it; it does not decode the spans: a trace id travels in them as its 16 bytes and the exporting
 * service as its {@code service.name} string, which is enough to say who exported a span of which trace.
 */
final class TraceCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TraceCollector collector = new TraceCollector(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                collector.exports.add(body.readAllBytes());
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return collector;
    }

    /** The endpoint for {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Whether {@code service} has exported a span of the trace {@code traceId} (32 hex digits). */
    boolean hasSpanOf(String service, String traceId) {
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        byte[] trace = HexFormat.of().parseHex(traceId);
        return exports.stream().anyMatch(body -> contains(body, name) && contains(body, trace));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
