package io.eventplatform.support.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsCarryTheirPrefixAndAre26CrockfordCharacters() {
        String id = Ids.next("usr");

        assertThat(id).matches("usr_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ids.looksLike("usr", id)).isTrue();
        assertThat(Ids.looksLike("room", id)).isFalse();
        assertThat(Ids.looksLike("usr", "usr_1")).isFalse();
        assertThat(Ids.looksLike("usr", id.toLowerCase())).isFalse();
    }

    @Test
    void idsMadeLaterSortLaterAndNeverRepeat() {
        List<String> ids = new ArrayList<>();
        for (long millis : new long[] {1_700_000_000_000L, 1_700_000_000_001L, 1_700_000_086_400L, 1_800_000_000_000L}) {
            ids.add(Ids.next("room", millis));
        }
        assertThat(ids).isSorted();
        HashSet<String> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Ids.next("part"));
        }
        assertThat(many).hasSize(100_000);
    }
}
