package io.eventplatform.support.idempotency;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.json.PlatformJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST (docs/api.md "Idempotency"): the first request with a key runs and its answer is
 * stored for 24 h per caller; a repeat with the same key and the same request gets that answer again without
 * running, a repeat with a different request is 422 IDEMPOTENCY_KEY_REUSED, and one that arrives while the
 * first is still running is 409. A 5xx answer is not kept, so the client may retry it. Requests are the same when
 * method, path and body are; a JSON body is compared in its canonical form (keys sorted), so key order does not
 * matter. An answer that holds a credential is never stored ({@link CarriesCredentials}).
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_BODY = 256 * 1024;

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final JdbcTemplate jdbc;
    private final Duration keep;
    private final CredentialEndpoints credentialEndpoints;

    IdempotencyFilter(JdbcTemplate jdbc, Duration keep, CredentialEndpoints credentialEndpoints) {
        this.jdbc = jdbc;
        this.keep = keep;
        this.credentialEndpoints = credentialEndpoints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            write(response, 400, ApiError.of(ErrorCode.BAD_REQUEST, "Idempotency-Key must be 1 to 255 characters",
                    Map.of("header", HEADER)));
            return;
        }
        CarriesCredentials.Repeat credentials = credentialEndpoints.repeatRule(request);
        if (credentials == CarriesCredentials.Repeat.RUNS_AGAIN) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            write(response, 413, ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE));
            return;
        }
        String caller = caller(request);
        String hash = hash(request, body);
        int claimed = jdbc.update("""
                INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (caller, idempotency_key) DO NOTHING""",
                caller, key, hash, Timestamp.from(Instant.now().plus(keep)));
        if (claimed == 0) {
            answerRepeat(response, caller, key, hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                boolean withheld = credentials == CarriesCredentials.Repeat.REFUSED;
                jdbc.update("""
                        UPDATE idempotency_keys SET response_status = ?, response_type = ?, response_body = ?,
                               response_withheld = ?
                         WHERE caller = ? AND idempotency_key = ?""",
                        recorded.getStatus(), withheld ? null : recorded.getContentType(),
                        withheld ? null : recorded.getContentAsByteArray(), withheld, caller, key);
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.update("DELETE FROM idempotency_keys WHERE caller = ? AND idempotency_key = ?", caller, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerRepeat(HttpServletResponse response, String caller, String key, String hash) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT request_hash, response_status, response_type, response_body, response_withheld FROM idempotency_keys
                 WHERE caller = ? AND idempotency_key = ?""", caller, key);
        if (rows.isEmpty()) {
            // the first request failed and let go of the key in the meantime: the client may simply retry
            write(response, 409, ApiError.of(ErrorCode.CONFLICT, "The first request with this Idempotency-Key did not complete; retry"));
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            write(response, 422, ApiError.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request", Map.of("header", HEADER)));
            return;
        }
        Object status = row.get("response_status");
        if (status == null) {
            write(response, 409, ApiError.of(ErrorCode.CONFLICT, "A request with this Idempotency-Key is still in progress"));
            return;
        }
        if (Boolean.TRUE.equals(row.get("response_withheld"))) {
            write(response, 409, ApiError.of(ErrorCode.CONFLICT,
                    "The request with this Idempotency-Key already ran; its answer held a credential and is not kept",
                    Map.of("header", HEADER, "status", status)));
            return;
        }
        response.setStatus((Integer) status);
        response.setHeader("Idempotency-Replayed", "true");
        if (row.get("response_type") != null) {
            response.setContentType(row.get("response_type").toString());
        }
        if (row.get("response_body") instanceof byte[] stored) {
            response.getOutputStream().write(stored);
        }
    }

    private static String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !"anonymousUser".equals(authentication.getName())) {
            return "sub:" + authentication.getName();
        }
        return "ip:" + request.getRemoteAddr();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(request, body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON body with its keys sorted at every level; anything else (or JSON that does not parse) as sent. */
    private static byte[] canonical(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json") || body.length == 0) {
            return body;
        }
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (JacksonException notJson) {
            return body; // the controller answers it with 400; the fingerprint only needs to be stable
        }
    }

    private static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(PlatformJson.mapper().writeValueAsBytes(error));
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
