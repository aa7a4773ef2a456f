package io.eventplatform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aCallersShortTokenIsKept() {
        assertThat(RequestIds.acceptedOrNew("e2e-1234")).isEqualTo("e2e-1234");
        assertThat(RequestIds.acceptedOrNew("a.b_c:d-E9")).isEqualTo("a.b_c:d-E9");
        String longest = "x".repeat(128);
        assertThat(RequestIds.acceptedOrNew(longest)).isEqualTo(longest);
    }

    @Test
    void anythingUnsafeInALogOrAHeaderIsReplacedByANewId() {
        for (String unsafe : new String[] {null, "", "x".repeat(129), "a b", "a\nforged-log-line", "<script>", "ü"}) {
            String id = RequestIds.acceptedOrNew(unsafe);
            assertThat(id).isNotEqualTo(unsafe);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void newIdsAreVersionFourUuidsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.fromString(RequestIds.newId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id.toString());
        }
        assertThat(seen).hasSize(10_000);
    }
}
