package io.eventplatform.prize.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may go: {@code http} or {@code https} on a host whose every address is public, unless private
 * addresses are allowed (the local profile, where apps run on this machine). A webhook must not become a way into
 * the network the platform runs in: loopback, private, link-local (cloud metadata), unique-local, carrier-grade NAT,
 * multicast and unspecified addresses are refused.
 */
final class OutboundAddresses {

    private final boolean allowPrivate;

    OutboundAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why {@code url} may not be called (empty: it may). */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            return Optional.of("not an http(s) URL with a host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of(url.getHost() + " is " + address.getHostAddress() + ", not a public address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException unknown) {
            return Optional.of(url.getHost() + " does not resolve");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) // 0/8, 100.64/10 (CGNAT)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)   // 192.0.0/24 (protocol assignments)
                    && !(first == 198 && (second == 18 || second == 19))           // 198.18/15 (benchmarking)
                    && first < 240;                                                // 240/4 and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            boolean mapped = true; // ::ffff:a.b.c.d: judged as the IPv4 address it carries
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
