package io.eventplatform.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

/**
 * Counts in Redis, so every gateway naming the same Redis shares one count per bucket: one key per bucket and
 * window, incremented and given its expiry in one script (atomic, one round trip). Redis being away never holds a
 * request: while disconnected, commands are refused at once, a command waits at most {@code timeout}, and a failed
 * first connection is tried again at most once per second — each of these is an error, on which the limits fail
 * open (ADR 0014).
 */
final class RedisCounters implements Counters, DisposableBean {

    private static final String INCREMENT = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";
    private static final long RETRY_CONNECT_MS = 1_000;

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private volatile @Nullable CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private volatile long lastAttempt;

    RedisCounters(String url, Duration timeout) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.timeout = timeout;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    @Override
    public Mono<Long> increment(String bucket, long windowStart, Duration window) {
        String key = "ratelimit:" + bucket + ":" + windowStart;
        // kept a window past its end: a gateway whose clock is a little behind still finds it
        String expiry = Long.toString(window.toMillis() * 2);
        return connection()
                .flatMap(redis -> redis.reactive().<Long>eval(INCREMENT, ScriptOutputType.INTEGER, new String[] {key}, expiry).next())
                .timeout(timeout.multipliedBy(2));
    }

    private Mono<StatefulRedisConnection<String, String>> connection() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current == null || current.isCompletedExceptionally()) {
            synchronized (this) {
                current = connection;
                long now = System.currentTimeMillis();
                if (current == null || current.isCompletedExceptionally() && now - lastAttempt >= RETRY_CONNECT_MS) {
                    lastAttempt = now;
                    current = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
                    connection = current;
                }
            }
        }
        return Mono.fromFuture(current, true);
    }

    @Override
    public void destroy() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
