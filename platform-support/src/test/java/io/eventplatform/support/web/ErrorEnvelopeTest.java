package io.eventplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.api.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error path of a webmvc service answers with the envelope of docs/api.md and carries the request id. */
@SpringBootTest(classes = ErrorEnvelopeTest.TestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                // no database and no token checks in this test of the error envelope
                "management.endpoint.health.group.readiness.include=readinessState",
                "platform.security.public-paths=/**"})
class ErrorEnvelopeTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void unknownRouteIsNotFound() throws Exception {
        assertError(send("GET", "/api/v1/nothing", null, null), 404, "NOT_FOUND");
    }

    @Test
    void aPathTomcatRefusesItselfIsTheEnvelopeNotAnHtmlPage() throws Exception {
        for (String path : List.of("/things/%00", "/things/%2e%2e/%2e%2e/etc", "/things/a%5Cb")) {
            HttpResponse<String> response = send("GET", path, null, null);

            assertThat(response.statusCode()).as(path).isBetween(400, 404);
            assertThat(response.body()).as(path).doesNotContain("<html", "Apache Tomcat");
            assertError(response, response.statusCode(), response.statusCode() == 404 ? "NOT_FOUND" : "BAD_REQUEST");
        }
    }

    @Test
    void wrongMethodIsMethodNotAllowed() throws Exception {
        assertError(send("DELETE", "/things", null, null), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertError(send("POST", "/things", "{\"name\": ", "application/json"), 400, "BAD_REQUEST");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() throws Exception {
        assertError(send("POST", "/things", "name=x", "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aValueOfTheWrongTypeIsAValidationErrorAtItsField() throws Exception {
        JsonNode error = assertError(send("POST", "/things", "{\"name\": \"x\", \"count\": \"many\"}", "application/json"),
                422, "VALIDATION_ERROR");
        assertThat(error.get("details").get("fields").has("count")).isTrue();
    }

    @Test
    void beanValidationFailuresAreListedPerField() throws Exception {
        JsonNode error = assertError(send("POST", "/things", "{\"name\": \"\", \"count\": 1000}", "application/json"),
                422, "VALIDATION_ERROR");
        assertThat(error.get("details").get("fields").propertyNames()).containsExactlyInAnyOrder("name", "count");
    }

    @Test
    void textThatIsNotValidIsAValidationErrorNeverAnotherCharacter() throws Exception {
        byte[] overlongSlash = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"', ',',
                '"', 'c', 'o', 'u', 'n', 't', '"', ':', '1', '}'};
        byte[] encodedSurrogate = "{\"name\":\"a?b\",\"count\":1}".getBytes(StandardCharsets.UTF_8);
        encodedSurrogate = replaceQuestionMark(encodedSurrogate, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

        for (byte[] body : List.of(overlongSlash, encodedSurrogate,
                "{\"name\":\"a\\ud800b\",\"count\":1}".getBytes(StandardCharsets.UTF_8),
                "{\"name\":\"a\\udc00\",\"count\":1}".getBytes(StandardCharsets.UTF_8),
                "{\"name\":\"a\\ud800\\u0041\",\"count\":1}".getBytes(StandardCharsets.UTF_8),
                "{\"name\":\"a\\u0000\",\"count\":1}".getBytes(StandardCharsets.UTF_8))) {
            JsonNode error = assertError(sendBytes("/things", body), 422, "VALIDATION_ERROR");
            assertThat(error.get("details").get("fields").has("body")).as(new String(body, StandardCharsets.ISO_8859_1)).isTrue();
        }
    }

    @Test
    void wellFormedTextOutsideTheBasicPlaneIsAccepted() throws Exception {
        HttpResponse<String> escaped = sendBytes("/things", "{\"name\":\"party \\ud83c\\udf89 \\\\ud800\",\"count\":1}"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> raw = sendBytes("/things", "{\"name\":\"party \uD83C\uDF89\",\"count\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(escaped.statusCode()).as(escaped.body()).isEqualTo(200);
        // an escaped backslash followed by "ud800" is text, not an escape
        assertThat(json.readTree(escaped.body()).get("data").get("name").asString()).isEqualTo("party \uD83C\uDF89 \\ud800");
        assertThat(json.readTree(raw.body()).get("data").get("name").asString()).isEqualTo("party \uD83C\uDF89");
    }

    @Test
    void aBodyOver256KibIsPayloadTooLargeWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\", \"count\": 1}";

        assertError(send("POST", "/things", huge, "application/json"), 413, "PAYLOAD_TOO_LARGE");

        HttpRequest chunked = HttpRequest.newBuilder(uri("/things")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
        assertError(http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anApiExceptionKeepsItsCodeMessageAndDetails() throws Exception {
        JsonNode error = assertError(send("GET", "/things/conflict", null, null), 409, "PRIZE_EXHAUSTED");
        assertThat(error.get("message").asString()).isEqualTo("No units left");
        assertThat(error.get("details").get("prizeId").asString()).isEqualTo("prz_1");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutInternals() throws Exception {
        HttpResponse<String> response = send("GET", "/things/bug", null, null);

        JsonNode error = assertError(response, 500, "INTERNAL_ERROR");
        assertThat(error.get("message").asString()).isEqualTo(ErrorCode.INTERNAL_ERROR.defaultMessage());
        assertThat(error.get("details").get("requestId").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("IllegalStateException", "secret detail", "at io.");
    }

    @Test
    void keepsTheCallersRequestIdAndReplacesAnUnsafeOne() throws Exception {
        HttpResponse<String> kept = http.send(HttpRequest.newBuilder(uri("/things/ok")).header("X-Request-Id", "abc-123").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replaced = http.send(HttpRequest.newBuilder(uri("/things/ok"))
                .header("X-Request-Id", "x".repeat(300)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    private JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode body = json.readTree(response.body());
        assertThat(body.propertyNames()).containsExactly("error");
        assertThat(body.get("error").get("code").asString()).isEqualTo(code);
        assertThat(body.get("error").get("message").asString()).isNotBlank();
        return body.get("error");
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendBytes(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] replaceQuestionMark(byte[] body, byte[] with) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : body) {
            if (b == '?') {
                out.writeBytes(with);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    record NewThing(@NotBlank String name, @Max(100) int count) {
    }

    @SpringBootApplication
    @RestController
    static class TestService {

        @PostMapping("/things")
        Map<String, Object> create(@Valid @RequestBody NewThing thing) {
            return Map.of("data", thing);
        }

        @GetMapping("/things/ok")
        Map<String, Object> ok() {
            return Map.of("data", List.of());
        }

        @GetMapping("/things/conflict")
        Object conflict() {
            throw new ApiException(ErrorCode.PRIZE_EXHAUSTED, "No units left", Map.of("prizeId", "prz_1"));
        }

        @GetMapping("/things/bug")
        Object bug() {
            throw new IllegalStateException("secret detail");
        }
    }
}
