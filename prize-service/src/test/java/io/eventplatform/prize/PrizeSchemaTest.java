package io.eventplatform.prize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.testing.DatabaseSchema;
import io.eventplatform.testing.SchemaTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The migrated schema of prize-service: every table, column and index the code relies on; a missing one fails here. */
class PrizeSchemaTest extends SchemaTestSupport {

    @Test
    void hasTheTablesOfTheServiceItsReplicasAndThePlatformLibrary() {
        assertThat(schema().tables()).contains("prizes", "winners", "draws", "replica_rooms", "replica_participants",
                "replica_users", "replica_apps", "replica_app_manifests", "outbox_events", "processed_events", "idempotency_keys");
    }

    @Test
    void theReplicasHoldWhatAnAppThatSelectsWinnersIsAskedWith() {
        assertThat(schema().columns("replica_rooms").get("app_manifest_version").toString()).isEqualTo("app_manifest_version text");
        assertThat(schema().columns("replica_participants").get("metadata").toString()).isEqualTo("metadata jsonb");
        assertThat(schema().columns("replica_app_manifests")).containsKeys("app_id", "version", "manifest");
        assertThat(schema().uniqueKeys("replica_app_manifests", false)).contains(List.of("app_id", "version"));
    }

    @Test
    void prizesHaveEveryColumnAndIndexOfTheModel() {
        assertThat(schema().columns("prizes").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "room_id text not null", "name text not null", "description text",
                "image_url text", "quantity int not null", "quantity_remaining int not null", "metadata jsonb",
                "version bigint not null", "created_at timestamptz not null", "updated_at timestamptz not null", "deleted_at timestamptz");
        assertThat(schema().indexedKeys("prizes")).contains(List.of("room_id"), List.of("deleted_at"));
    }

    @Test
    void winnersHaveEveryIndexAndAreUniquePerParticipantAndPrizeWhileLive() {
        assertThat(schema().columns("winners").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "room_id text not null", "participant_id text not null", "prize_id text not null",
                "draw_id text", "metadata jsonb", "version bigint not null", "created_at timestamptz not null",
                "deleted_at timestamptz");
        assertThat(schema().indexedKeys("winners")).contains(List.of("room_id"), List.of("participant_id"),
                List.of("prize_id"), List.of("created_at"), List.of("deleted_at"), List.of("room_id", "prize_id"));
        assertThat(schema().indexes("winners")).anySatisfy(index -> {
            assertThat(index.keys()).containsExactly("participant_id", "prize_id");
            assertThat(index.unique()).isTrue();
            assertThat(index.predicate()).hasValue("(deleted_at IS NULL)");
        });
        assertThat(schema().foreignKeys("winners")).contains(
                new DatabaseSchema.ForeignKey("winners", "prize_id", "prizes", "id", "RESTRICT"));
    }

    @Test
    void drawsKeepEverythingNeededToRecomputeThem() {
        assertThat(schema().columns("draws")).containsKeys("id", "room_id", "prize_id", "requested_by", "requested",
                "exclude_previous_winners", "algorithm", "seed", "seed_hash", "eligible_count", "eligible_digest",
                "winner_ids", "delegated_to_app", "fallback_reason", "created_at");
        assertThat(schema().columns("draws").get("winner_ids").toString()).isEqualTo("winner_ids text[] not null");
    }

    @Test
    void remainingUnitsCanNeitherGoNegativeNorExceedTheQuantity() {
        jdbc().update("INSERT INTO prizes (id, room_id, name, quantity, quantity_remaining) VALUES ('prz_q', 'room_1', 'Mug', 2, 2)");

        assertThatThrownBy(() -> jdbc().update("UPDATE prizes SET quantity_remaining = -1 WHERE id = 'prz_q'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("UPDATE prizes SET quantity_remaining = 3 WHERE id = 'prz_q'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("UPDATE prizes SET quantity = 0, quantity_remaining = 0 WHERE id = 'prz_q'"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aRevokedWinnerFreesTheParticipantToWinThePrizeAgain() {
        jdbc().update("INSERT INTO prizes (id, room_id, name, quantity, quantity_remaining) VALUES ('prz_w', 'room_1', 'Cake', 3, 3)");
        jdbc().update("INSERT INTO winners (id, room_id, participant_id, prize_id) VALUES ('win_1', 'room_1', 'part_1', 'prz_w')");

        assertThatThrownBy(() -> jdbc().update("INSERT INTO winners (id, room_id, participant_id, prize_id) VALUES ('win_2', 'room_1', 'part_1', 'prz_w')"))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc().update("UPDATE winners SET deleted_at = now() WHERE id = 'win_1'");
        jdbc().update("INSERT INTO winners (id, room_id, participant_id, prize_id) VALUES ('win_3', 'room_1', 'part_1', 'prz_w')");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM winners WHERE prize_id = 'prz_w'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aPrizeWithWinnersCannotBeHardDeleted() {
        jdbc().update("INSERT INTO prizes (id, room_id, name) VALUES ('prz_r', 'room_1', 'Hat')");
        jdbc().update("INSERT INTO winners (id, room_id, participant_id, prize_id) VALUES ('win_r', 'room_1', 'part_2', 'prz_r')");

        assertThatThrownBy(() -> jdbc().update("DELETE FROM prizes WHERE id = 'prz_r'"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
