package io.eventplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Generated malformed requests for every endpoint of a service: bodies that are broken in a way no field can accept
 * (a NUL or a lone surrogate in any string, numbers out of any range, nesting deeper than the limit, wrong types,
 * unknown properties, broken JSON), ids and query strings that cannot name anything, odd headers. Each case must be
 * answered below 500 with the error envelope, and the service's data must be as it was before (the caller compares
 * a fingerprint). Cases come from a fixed seed, so a failure names a case that can be replayed.
 */
public final class MalformedRequests {

    /** An endpoint: its method, its path (ids as they are; {@code {id}} is replaced by generated ones), its fields. */
    public record Endpoint(String method, String path, List<String> fields) {
    }

    private static final String[] BAD_IDS = {"%00", "room_%00", "prz_%00x", "..", "%2F", "%C3%28", "x".repeat(3000),
            "%F0%9F%8E%89", "part_%27%20OR%201=1--", "win_%0A%0D", "-1", "0", "null", "%20", "drw_" + "9".repeat(40)};
    private static final String[] BAD_QUERIES = {"page=-1", "page=abc", "limit=0", "limit=100000", "limit=1e3",
            "sort=%00", "sort=-", "sort=password", "fields=%00", "fields=", "status=%00", "role=%00", "prizeId=%00",
            "page=99999999999999999999", "mine=maybe", "isPublic=2", "q=%C3%28", "page=1&page=2", "sort=name,name"};

    private final ApiClient api;
    private final Random random;

    public MalformedRequests(ApiClient api, long seed) {
        this.api = api;
        this.random = new Random(seed);
    }

    /**
     * Sends {@code cases} generated requests spread over the endpoints, as {@code token}; checks each answer, then
     * that {@code fingerprint} (the service's tables) did not change. Returns how many cases were sent.
     */
    public int check(List<Endpoint> endpoints, String token, int cases, Supplier<String> fingerprint) {
        String before = fingerprint.get();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String path = endpoint.path();
            Map<String, String> headers = Map.of();
            String body = null;
            int kind = random.nextInt(10);
            if (kind == 0 && path.contains("/")) {
                path = path.substring(0, path.lastIndexOf('/') + 1) + BAD_IDS[random.nextInt(BAD_IDS.length)];
            } else if (kind == 1) {
                path = path + "?" + BAD_QUERIES[random.nextInt(BAD_QUERIES.length)];
            } else if (kind == 2) {
                headers = Map.of("Idempotency-Key", random.nextBoolean() ? "k".repeat(500) : "key with spaces");
            }
            if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
                body = body(endpoint.fields());
            } else if (kind == 3) {
                path = path + "?" + BAD_QUERIES[random.nextInt(BAD_QUERIES.length)] + "&" + BAD_QUERIES[random.nextInt(BAD_QUERIES.length)];
            }
            if (endpoint.method().equals("DELETE") && kind != 0) {
                continue; // a valid delete would change data: only malformed ids are sent to it
            }
            HttpResponse<String> response = api.send(endpoint.method(), path, token, body, headers);
            String seen = endpoint.method() + " " + path + " " + abbreviated(body) + " → " + response.statusCode() + " "
                    + abbreviated(response.body());
            if (response.statusCode() >= 500 || (response.statusCode() >= 400 && !envelope(response.body()))) {
                failures.add(seen);
            } else if (response.statusCode() < 400 && !endpoint.method().equals("GET")) {
                failures.add("accepted: " + seen);
            }
        }
        assertThat(failures).as("answers to malformed requests").isEmpty();
        assertThat(fingerprint.get()).as("the data after %d malformed requests", cases).isEqualTo(before);
        return cases;
    }

    private boolean envelope(String body) {
        try {
            JsonNode error = api.json(body).get("error");
            return error != null && !error.path("code").asString("").isBlank() && !error.path("message").asString("").isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** A body no endpoint can accept: at least one part of it is unusable wherever it stands. */
    String body(List<String> fields) {
        return switch (random.nextInt(8)) {
            case 0 -> "{\"" + field(fields) + "\": " + badValue() + "}";
            case 1 -> "{\"" + field(fields) + "\": " + badValue() + ", \"" + field(fields) + "\": " + badValue() + "}";
            case 2 -> "{\"" + field(fields) + "\": {\"nested\": " + badValue() + "}}";
            case 3 -> "{\"unknown_" + random.nextInt(1000) + "\": 1}";
            case 4 -> "[".repeat(200 + random.nextInt(800)) + "]".repeat(10);
            case 5 -> "{\"" + field(fields) + "\": " + "{\"a\":".repeat(120) + "1" + "}".repeat(120) + "}";
            case 6 -> new String[] {"{", "{\"a\"", "{\"a\":}", "{'a':1}", "{\"a\":1}}", "\u0000", "{\"a\":1,}",
                    "{\"a\":NaN}", "{\"a\":Infinity}", "{\"\\u0000\":1}"}[random.nextInt(10)];
            default -> "{\"" + field(fields) + "\u0000\": 1}";
        };
    }

    private String field(List<String> fields) {
        return fields.isEmpty() ? "name" : fields.get(random.nextInt(fields.size()));
    }

    private String badValue() {
        return switch (random.nextInt(9)) {
            case 0 -> "\"a\\u0000b\"";
            case 1 -> "\"\\ud800\"";
            case 2 -> "\"x\\udc00y\"";
            case 3 -> "1e400";
            case 4 -> "-99999999999999999999999";
            case 5 -> "\"" + "\\u0000".repeat(1 + random.nextInt(5)) + "\"";
            case 6 -> "[" + "[".repeat(150) + "]".repeat(151);
            case 7 -> "{\"k\": \"\\u0000\"}";
            default -> "[\"\\ud83c\"]";
        };
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
