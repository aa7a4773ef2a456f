package io.eventplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerHeaderTest {

    @Test
    void theTokenFollowsTheBearerSchemeInAnyCaseTrimmed() {
        assertThat(BearerHeader.token("Bearer abc.def")).isEqualTo("abc.def");
        assertThat(BearerHeader.token("bearer  abc.def ")).isEqualTo("abc.def");
        assertThat(BearerHeader.token("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void anotherSchemeOrNoHeaderHasNoToken() {
        assertThat(BearerHeader.token(null)).isNull();
        assertThat(BearerHeader.token("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerHeader.token("Bearer")).isNull();
        assertThat(BearerHeader.token("Bearerabc")).isNull();
    }
}
