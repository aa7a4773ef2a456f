package io.eventplatform.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the three domain services listen. The routes in application.yml and the downstream health checks both
 * read these, so one environment variable per service moves both.
 */
@ConfigurationProperties("platform.gateway.downstreams")
public record Downstreams(
        @DefaultValue("http://localhost:8081") URI identity,
        @DefaultValue("http://localhost:8082") URI room,
        @DefaultValue("http://localhost:8083") URI prize) {

    /** Service name (as used in health and fallbacks) to base URI. */
    public Map<String, URI> byName() {
        Map<String, URI> all = new LinkedHashMap<>();
        all.put("identity", identity);
        all.put("room", room);
        all.put("prize", prize);
        return all;
    }
}
