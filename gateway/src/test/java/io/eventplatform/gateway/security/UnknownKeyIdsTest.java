package io.eventplatform.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** At most two tokens with an unknown key id reach the gateway's decoder (and so a key set fetch) per interval. */
class UnknownKeyIdsTest {

    final AtomicLong now = new AtomicLong();
    final UnknownKeyIds keys = new UnknownKeyIds(Duration.ofSeconds(10), JsonMapper.builder().build(), now::get);

    @Test
    void fiftyMadeUpKeyIdsLetTwoThroughPerInterval() {
        int through = 0;
        for (int i = 0; i < 50; i++) {
            if (keys.mayVerify(TestTokenIssuer.sign(TestTokenIssuer.newKey("made-up-" + UUID.randomUUID()), claims -> { }))) {
                through++;
            }
        }

        assertThat(through).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(keys.mayVerify(TestTokenIssuer.sign(TestTokenIssuer.newKey("another"), claims -> { }))).isTrue();
    }

    @Test
    void aKeyTheDecoderFoundIsAlwaysLetThroughAndTokensWithoutAKeyIdToo() {
        String known = TestTokenIssuer.sign(TestTokenIssuer.newKey("key-1"), claims -> { });
        keys.keyFound(known);
        for (int i = 0; i < 5; i++) {
            keys.mayVerify(TestTokenIssuer.sign(TestTokenIssuer.newKey("made-up-" + i), claims -> { }));
        }

        assertThat(keys.mayVerify(known)).isTrue();
        assertThat(keys.mayVerify(TestTokenIssuer.unsigned())).isTrue();
        assertThat(keys.mayVerify("garbage")).isTrue();
    }

    @Test
    void onlyAMissingKeyCountsAsNoSuchKey() {
        assertThat(UnknownKeyIds.noSuchKey(new RuntimeException("x", new IllegalStateException(
                "Signed JWT rejected: Another algorithm expected, or no matching key(s) found")))).isTrue();
        assertThat(UnknownKeyIds.noSuchKey(new RuntimeException("Signed JWT rejected: Invalid signature"))).isFalse();
    }
}
