package io.eventplatform.contracts.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.TimeZone;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of the platform: timestamps as ISO-8601 UTC with exactly three fraction digits
 * ({@code 2025-01-15T10:00:00.000Z}) everywhere; in events, absent optional values are left out (REST responses
 * keep explicit nulls, e.g. {@code myRole: null}).
 */
public final class PlatformJson {

    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    private static final JsonMapper MAPPER = configure(JsonMapper.builder())
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private PlatformJson() {
    }

    /** Applies the timestamp convention to a builder (Boot's, or a plain one). */
    public static <M extends tools.jackson.databind.ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .defaultTimeZone(TimeZone.getTimeZone("UTC"))
                .withConfigOverride(Instant.class, override -> override.setFormat(
                        JsonFormat.Value.forPattern(TIMESTAMP_PATTERN).withTimeZone(TimeZone.getTimeZone("UTC"))));
    }

    /** A shared, thread-safe mapper with the conventions of events. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
