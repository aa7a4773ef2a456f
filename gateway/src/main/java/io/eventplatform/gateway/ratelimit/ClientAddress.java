package io.eventplatform.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's address as the gateway can trust it: the peer's own address, unless the peer is one of the trusted
 * proxies ({@code GATEWAY_TRUSTED_PROXIES}); then the right-most {@code X-Forwarded-For} entry that is not a trusted
 * proxy — the address the outermost trusted proxy saw. Entries left of it are what the client claims and count for
 * nothing.
 */
final class ClientAddress {

    private final Pattern trustedProxies;

    ClientAddress(String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String entry = forwarded.get(i).trim();
            if (!entry.isEmpty() && !trusted(entry)) {
                return entry;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        return trustedProxies.matcher(address).matches();
    }
}
