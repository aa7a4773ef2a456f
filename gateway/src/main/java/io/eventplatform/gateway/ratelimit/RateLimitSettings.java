package io.eventplatform.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.gateway.rate-limits.*}: requests per window, by bucket (docs/api.md "Rate limits").
 *
 * @param user      per authenticated user
 * @param app       per app token (an app acting alone)
 * @param anonymous per client address, for requests without a valid token
 * @param signIn    per client address, for starting a sign-in, dev login and refresh (a hall behind one address)
 * @param redisUrl  where the counters are shared by every gateway ({@code redis://[:password@]host:port}); empty:
 *                  in this gateway's memory
 * @param redisTimeout the longest a request waits for its count before it passes uncounted
 */
@ConfigurationProperties("platform.gateway.rate-limits")
record RateLimitSettings(@DefaultValue("true") boolean enabled,
                         @DefaultValue("1m") Duration window,
                         @DefaultValue("100") long user,
                         @DefaultValue("1000") long app,
                         @DefaultValue("20") long anonymous,
                         @DefaultValue("600") long signIn,
                         @DefaultValue("") String redisUrl,
                         @DefaultValue("250ms") Duration redisTimeout) {
}
