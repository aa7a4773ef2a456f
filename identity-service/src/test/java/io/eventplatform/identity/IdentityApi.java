package io.eventplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of identity-service's HTTP API for tests: logins, calls, and envelope checks. */
public final class IdentityApi {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public IdentityApi(int port) {
        this.port = port;
    }

    /** A dev login of a new, unique user (the email starts with {@code who}). */
    public JsonNode newUser(String who) throws Exception {
        return login(who + "+" + UUID.randomUUID() + "@example.com", null);
    }

    public JsonNode login(String email, String name) throws Exception {
        String body = name == null ? "{\"email\":\"" + email + "\"}" : "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}";
        return data(send("POST", "/api/v1/auth/dev/login", null, body), 200);
    }

    public HttpResponse<String> refresh(JsonNode tokens) throws Exception {
        return send("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
    }

    public static String access(JsonNode tokens) {
        return tokens.get("accessToken").asString();
    }

    public static String userId(JsonNode tokens) {
        return tokens.get("user").get("id").asString();
    }

    public String claim(JsonNode tokens, String name) {
        String payload = access(tokens).split("\\.")[1];
        return json.readTree(Base64.getUrlDecoder().decode(payload)).get(name).asString();
    }

    public JsonNode data(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body()).get("data");
    }

    public JsonNode error(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        return error;
    }

    public JsonNode json(String body) {
        return json.readTree(body);
    }

    public HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, Map.of());
    }

    /** As a client at {@code address} behind the gateway (which names the client in X-Forwarded-For). */
    public HttpResponse<String> sendFrom(String address, String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, Map.of("X-Forwarded-For", address));
    }

    public HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
