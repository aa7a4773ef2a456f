package io.eventplatform.security;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.topics.EveryPartitionReader;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;

/**
 * Feeds the {@link RevocationSet} from {@code identity.revocations.v1}. Every instance reads every partition
 * from the start of the retention window (no consumer group: each instance needs all revocations), and reports
 * itself not ready until it has read what was on the topic when it started — so a fresh instance never accepts a
 * token that was revoked before it came up.
 */
final class RevocationListener extends EveryPartitionReader {

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final RevocationSet revocations;

    RevocationListener(RevocationSet revocations, Map<String, Object> consumerProperties, boolean autoStartup) {
        super("revocations", List.of(Topics.IDENTITY_REVOCATIONS), Start.BEGINNING, consumerProperties, autoStartup);
        this.revocations = revocations;
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope<?> event = EventJson.read(record.value());
            if (event.data() instanceof EventData.TokenRevoked token) {
                revocations.revokeToken(token);
            } else if (event.data() instanceof EventData.SessionRevoked session) {
                revocations.revokeSession(session);
            } else if (event.data() instanceof EventData.SubjectTokensRevoked subject) {
                revocations.revokeSubject(subject);
            }
        } catch (RuntimeException e) {
            // a revocation this build cannot read must not stop the others
            log.error("Skipping unreadable revocation event: {}", e.toString());
        }
    }

    @Override
    protected void afterPoll() {
        revocations.purgeExpired();
    }

    @Override
    protected Health.Builder ready(Health.Builder health) {
        return health.withDetail("entries", revocations.size());
    }
}
