package io.eventplatform.room.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.testing.LiveClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A connection lives as long as its token: closed with 4401 when it is revoked or expires, unless renewed. */
class TokenLifetimeTest extends RoomApiTestSupport {

    @Test
    void aRevokedTokenClosesItsConnection() {
        String userId = "usr_revoked_" + UUID.randomUUID().toString().substring(0, 8);
        String jti = UUID.randomUUID().toString();
        String token = TOKENS.token(claims -> claims.subject(userId).jwtID(jti));
        try (LiveClient client = LiveClient.connect(LiveClient.endpoint(port))) {
            assertThat(client.authenticate(token).path("ok").asBoolean()).isTrue();
            world.publish(EventEnvelope.of(EventType.TOKEN_REVOKED, "identity-service", userId, 1, null,
                    new EventData.TokenRevoked(jti, userId, Instant.now().plusSeconds(3600))));
            assertThat(client.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void anExpiringTokenClosesAtItsExpiryUnlessTheClientAuthenticatesAgain() {
        String userId = "usr_expiring_" + UUID.randomUUID().toString().substring(0, 8);
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        try (LiveClient expiring = LiveClient.connect(LiveClient.endpoint(port));
             LiveClient renewed = LiveClient.connect(LiveClient.endpoint(port))) {
            JsonNode auth = expiring.authenticate(TOKENS.token(claims -> claims.subject(userId).expirationTime(Date.from(soon))));
            assertThat(Instant.parse(auth.path("expiresAt").asString())).isEqualTo(soon);
            renewed.authenticate(TOKENS.token(claims -> claims.subject(userId).expirationTime(Date.from(soon))));
            Instant later = soon.plusSeconds(3600);
            JsonNode again = renewed.authenticate(TOKENS.token(claims -> claims.subject(userId).expirationTime(Date.from(later))));
            assertThat(Instant.parse(again.path("expiresAt").asString())).isEqualTo(later);

            assertThat(expiring.awaitClose()).isEqualTo(4401);
            assertThat(Instant.now()).isAfterOrEqualTo(soon);
            renewed.send("{\"type\":\"ping\"}");
            assertThat(renewed.next("pong")).isNotNull();
            assertThat(renewed.isClosed()).isFalse();
        }
    }

    @Test
    void aConnectionStaysWithItsUser() {
        try (LiveClient client = LiveClient.connect(LiveClient.endpoint(port))) {
            client.authenticate(TOKENS.token(claims -> claims.subject("usr_first")));
            client.send("{\"id\":\"2\",\"type\":\"auth\",\"token\":\"" + TOKENS.token(claims -> claims.subject("usr_second")) + "\"}");
            assertThat(client.ack("2").path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        }
    }
}
