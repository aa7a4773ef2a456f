package io.eventplatform.identity.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub is outside the platform, so the tests use a stand-in that speaks its OAuth web flow: authorize (redirects
 * back with a code), access_token (checks client secret and PKCE verifier), /user and /user/emails.
 */
final class FakeGitHub implements AutoCloseable {

    static final String CLIENT_ID = "gh-client";
    static final String CLIENT_SECRET = "gh-secret";

    private final HttpServer server;
    private final Map<String, String> challengeByCode = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    volatile boolean emailVerified = true;

    FakeGitHub() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/login/oauth/authorize", exchange -> {
            Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
            String code = "code-" + UUID.randomUUID();
            challengeByCode.put(code, query.get("code_challenge"));
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/login/oauth/access_token", exchange -> {
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String challenge = challengeByCode.remove(form.getOrDefault("code", ""));
            boolean ok = challenge != null && CLIENT_SECRET.equals(form.get("client_secret"))
                    && challenge.equals(s256(form.getOrDefault("code_verifier", "")));
            String token = "gho_" + UUID.randomUUID();
            tokens.put(token, "octo");
            respond(exchange, ok ? "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}" : "{\"error\":\"bad_verification_code\"}");
        });
        server.createContext("/user/emails", exchange -> respond(exchange,
                "[{\"email\":\"octo@example.com\",\"primary\":true,\"verified\":" + emailVerified + "},"
                        + "{\"email\":\"other@example.com\",\"primary\":false,\"verified\":true}]"));
        server.createContext("/user", exchange -> respond(exchange,
                "{\"id\":4242,\"login\":\"octo\",\"name\":\"Octo Cat\",\"avatar_url\":\"https://avatars.example.com/u/4242\"}"));
        server.start();
    }

    String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void respond(HttpExchange exchange, String body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (exchange.getRequestURI().getPath().startsWith("/user") && (auth == null || !tokens.containsKey(auth.substring(7)))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int split = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, split), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(split + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
