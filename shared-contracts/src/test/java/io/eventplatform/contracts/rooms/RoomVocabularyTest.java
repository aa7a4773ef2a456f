package io.eventplatform.contracts.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statuses and roles as the wire writes them, read in either case, sorted in declaration order. */
class RoomVocabularyTest {

    @Test
    void statusesReadInEitherCaseAndSortInDeclarationOrder() {
        assertThat(RoomStatus.parse("active")).hasValue(RoomStatus.ACTIVE);
        assertThat(RoomStatus.parse("CANCELLED")).hasValue(RoomStatus.CANCELLED);
        assertThat(RoomStatus.parse("paused")).isEmpty();
        assertThat(RoomStatus.values()).containsExactly(RoomStatus.DRAFT, RoomStatus.ACTIVE, RoomStatus.COMPLETED, RoomStatus.CANCELLED);
        assertThat(RoomStatus.COMPLETED.wire()).isEqualTo("completed");
    }

    @Test
    void rolesReadInEitherCaseAndSortInDeclarationOrder() {
        assertThat(RoomRole.parse("Moderator")).hasValue(RoomRole.MODERATOR);
        assertThat(RoomRole.parse("owner")).isEmpty();
        assertThat(RoomRole.values()).containsExactly(RoomRole.ADMIN, RoomRole.ORGANIZER, RoomRole.MODERATOR,
                RoomRole.PARTICIPANT, RoomRole.VIEWER);
        assertThat(RoomRole.VIEWER.wire()).isEqualTo("viewer");
    }
}
