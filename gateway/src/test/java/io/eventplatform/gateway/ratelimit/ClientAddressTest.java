package io.eventplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Whose address a request counts for: the peer's, or what a trusted proxy in front of the gateway saw. */
class ClientAddressTest {

    final ClientAddress addresses = new ClientAddress("10\\.0\\.0\\.[12]");

    @Test
    void aClientThatIsNotATrustedProxyIsItsOwnAddressWhateverItClaims() {
        assertThat(addresses.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostAddressTheyDidNotAddIsTheClient() {
        assertThat(addresses.of(from("10.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.0.0.1", "198.51.100.1, 203.0.113.9"))).as("the left entry is the client's claim")
                .isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.0.0.1", "203.0.113.9, 10.0.0.2"))).as("two proxies").isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.0.0.1", null))).isEqualTo("10.0.0.1");
        assertThat(addresses.of(from("10.0.0.1", "10.0.0.2"))).isEqualTo("10.0.0.1");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/rooms")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }
}
