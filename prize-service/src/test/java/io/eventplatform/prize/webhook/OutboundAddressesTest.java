package io.eventplatform.prize.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A webhook never goes into the platform's own network unless the local profile allows it. */
class OutboundAddressesTest {

    @Test
    void loopbackPrivateLinkLocalAndOtherInternalAddressesAreNotPublic() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::",
                "fe80::1", "fd12:3456::1", "fc00::1", "::ffff:10.0.0.1"}) {
            assertThat(OutboundAddresses.isPublic(InetAddress.getByName(internal))).as(internal).isFalse();
        }
        for (String external : new String[] {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1"}) {
            assertThat(OutboundAddresses.isPublic(InetAddress.getByName(external))).as(external).isTrue();
        }
    }

    @Test
    void anAppOnThisMachineIsRefusedUnlessPrivateAddressesAreAllowed() {
        URI local = URI.create("http://127.0.0.1:9999/select");
        URI named = URI.create("http://localhost:9999/select");

        assertThat(new OutboundAddresses(false).refusal(local)).hasValueSatisfying(why -> assertThat(why).contains("not a public address"));
        assertThat(new OutboundAddresses(false).refusal(named)).isPresent();
        assertThat(new OutboundAddresses(true).refusal(local)).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        OutboundAddresses anywhere = new OutboundAddresses(true);

        assertThat(anywhere.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(anywhere.refusal(URI.create("gopher://example.com/"))).isPresent();
        assertThat(anywhere.refusal(URI.create("https:///select"))).isPresent();
        assertThat(anywhere.refusal(URI.create("HTTPS://93.184.216.34/select"))).isEmpty();
    }
}
