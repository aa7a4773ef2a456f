package io.eventplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.EventData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Subject cut-offs (milliseconds) against a token's whole-second {@code iat}. */
class RevocationSetTest {

    final RevocationSet set = new RevocationSet(Duration.ofHours(1), Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTokenIssuedInTheCutoffsSecondButBeforeItIsRefused() {
        set.revokeSubject(new EventData.SubjectTokensRevoked("app_x", Instant.parse("2026-12-01T12:00:00.700Z")));

        assertThat(set.isRevoked("j1", null, "app_x", Instant.parse("2026-12-01T12:00:00Z"))).isTrue();
        assertThat(set.isRevoked("j2", null, "app_x", Instant.parse("2026-12-01T11:59:59Z"))).isTrue();
        assertThat(set.isRevoked("j3", null, "app_x", Instant.parse("2026-12-01T12:00:01Z"))).isFalse();
        assertThat(set.isRevoked("j4", null, "app_y", Instant.parse("2026-12-01T12:00:00Z"))).isFalse();
    }

    @Test
    void aCutoffOnAWholeSecondLetsATokenOfThatSecondThrough() {
        set.revokeSubject(new EventData.SubjectTokensRevoked("app_x", Instant.parse("2026-12-01T12:00:05Z")));

        assertThat(set.isRevoked("j1", null, "app_x", Instant.parse("2026-12-01T12:00:04Z"))).isTrue();
        assertThat(set.isRevoked("j2", null, "app_x", Instant.parse("2026-12-01T12:00:05Z"))).isFalse();
    }

    @Test
    void theFirstSecondAfterACutoffRoundsUpOnlyWhatHasAFraction() {
        assertThat(RevocationSet.firstSecondAfter(Instant.parse("2026-12-01T12:00:00.001Z"))).isEqualTo(Instant.parse("2026-12-01T12:00:01Z"));
        assertThat(RevocationSet.firstSecondAfter(Instant.parse("2026-12-01T12:00:00.999Z"))).isEqualTo(Instant.parse("2026-12-01T12:00:01Z"));
        assertThat(RevocationSet.firstSecondAfter(Instant.parse("2026-12-01T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    }
}
