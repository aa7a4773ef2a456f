package io.eventplatform.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/events.md "Topics": every topic a replica is rebuilt from keeps what a rebuild needs. */
class EventTopicsTest {

    @Test
    void stateKeyedByAggregateIsCompactedStateKeyedByRoomIsKeptAndTheRestExpires() {
        assertThat(EventTopics.settings(Map.of(), Topics.ROOMS).compacted()).isTrue();
        assertThat(EventTopics.settings(Map.of(), Topics.IDENTITY_USERS).compacted()).isTrue();
        assertThat(EventTopics.settings(Map.of(), Topics.ROOM_PARTICIPANTS).retention().toMillis()).isEqualTo(-1);
        assertThat(EventTopics.settings(Map.of(), Topics.PRIZES).retention().toMillis()).isEqualTo(-1);
        assertThat(EventTopics.settings(Map.of(), Topics.PRIZE_WINNERS).retention()).isEqualTo(Duration.ofDays(7));
        assertThat(EventTopics.settings(Map.of(), Topics.IDENTITY_REVOCATIONS).compacted()).isFalse();
    }
}
