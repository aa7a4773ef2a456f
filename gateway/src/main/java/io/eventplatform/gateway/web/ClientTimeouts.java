package io.eventplatform.gateway.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a client may take to send its request body: {@code readPause} between two reads, {@code wholeBody} for
 * all of it. A client past either loses its connection; it costs the gateway that connection for that long, never
 * a route (the circuit does not count it, see ServiceGuard). Both stay below the response time limit, so a stalled
 * body is cut off here before it could look like a service that does not answer.
 */
@Configuration(proxyBeanMethods = false)
class ClientTimeouts {

    @ConfigurationProperties("platform.gateway.client-timeouts")
    record Properties(@DefaultValue("5s") Duration readPause, @DefaultValue("10s") Duration wholeBody) {
    }

    @Bean
    NettyServerCustomizer clientBodyTimeouts(Properties properties) {
        return server -> server.readTimeout(properties.readPause()).requestTimeout(properties.wholeBody());
    }
}
