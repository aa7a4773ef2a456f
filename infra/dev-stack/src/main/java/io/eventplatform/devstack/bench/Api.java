package io.eventplatform.devstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's REST API as the bench's preparation and its single-request scenarios use it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    record Response(int status, String body) {
        JsonNode data() {
            return JSON.readTree(body).get("data");
        }
    }

    Response send(String method, String path, @Nullable String token, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code method path} that must answer {@code expected}; its {@code data}. */
    JsonNode expect(int expected, String method, String path, @Nullable String token, @Nullable String body) {
        Response response = send(method, path, token, body);
        if (response.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + " (expected "
                    + expected + "): " + response.body());
        }
        return response.data();
    }

    /** A dev-login access token for {@code email} (the user is created if new). */
    String login(String email) {
        return expect(200, "POST", "/api/v1/auth/dev/login", null, "{\"email\":\"" + email + "\"}").get("accessToken").asString();
    }
}
