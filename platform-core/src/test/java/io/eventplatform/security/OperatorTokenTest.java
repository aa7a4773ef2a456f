package io.eventplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperatorTokenTest {

    static final String TOKEN = "op_4f9c2b7e1d";
    final OperatorToken operator = OperatorToken.ofHash(OperatorToken.hashOf(TOKEN));

    @Test
    void admitsOnlyTheTokenWhoseHashIsConfigured() {
        assertThat(operator.admits("Bearer " + TOKEN)).isTrue();
        assertThat(operator.admits("bearer  " + TOKEN + " ")).as("scheme in any case, spaces around the token").isTrue();
        assertThat(operator.admits("Bearer " + TOKEN + "x")).isFalse();
        assertThat(operator.admits("Basic " + TOKEN)).isFalse();
        assertThat(operator.admits(TOKEN)).isFalse();
        assertThat(operator.admits(null)).isFalse();
    }

    @Test
    void withoutAConfiguredHashNobodyGetsIn() {
        assertThat(OperatorToken.ofHash(null).admits("Bearer " + TOKEN)).isFalse();
        assertThat(OperatorToken.ofHash("  ").admits("Bearer ")).isFalse();
    }

    @Test
    void aHashThatIsNotSixtyFourHexDigitsIsRefusedAtStart() {
        assertThatThrownBy(() -> OperatorToken.ofHash(TOKEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPERATOR_TOKEN_SHA256");
        assertThatThrownBy(() -> OperatorToken.ofHash(OperatorToken.hashOf(TOKEN) + "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OperatorToken.ofHash(OperatorToken.hashOf(TOKEN).toUpperCase()).admits("Bearer " + TOKEN)).isTrue();
    }

    @Test
    void guardsEveryOperationalEndpointButHealth() {
        assertThat(OperatorToken.guards("/actuator")).isTrue();
        assertThat(OperatorToken.guards("/actuator/metrics")).isTrue();
        assertThat(OperatorToken.guards("/actuator/prometheus")).isTrue();
        assertThat(OperatorToken.guards("/actuator/health")).isFalse();
        assertThat(OperatorToken.guards("/actuator/health/readiness")).isFalse();
        assertThat(OperatorToken.guards("/actuator/healthz")).as("not a health path").isTrue();
        assertThat(OperatorToken.guards("/actuatorx")).isFalse();
        assertThat(OperatorToken.guards("/api/v1/rooms")).isFalse();
    }
}
