package io.eventplatform.support.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListQueryResolverTest {

    static final ListParams ROOMS = annotation();

    static void rooms(@ListParams(sortable = {"createdAt", "updatedAt", "name", "status"}, defaultSort = "-createdAt",
            fields = {"id", "name", "status"}, filters = {"status", "appId", "mine"}) ListQuery query) {
    }

    static ListParams annotation() {
        try {
            return ListQueryResolverTest.class.getDeclaredMethod("rooms", ListQuery.class).getParameters()[0]
                    .getAnnotation(ListParams.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static ListQuery parse(String... pairs) {
        Map<String, String[]> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return ListQueryResolver.parse(query, ROOMS);
    }

    @Test
    void defaultsToTheFirstPageOfTwentyInTheListsDefaultOrder() {
        ListQuery query = parse();

        assertThat(query.page()).isEqualTo(1);
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.offset()).isZero();
        assertThat(query.sort()).containsExactly(new ListQuery.Sort("createdAt", true));
        assertThat(query.fields()).isEmpty();
    }

    @Test
    void readsPageLimitSortFieldsAndFilters() {
        ListQuery query = parse("page", "3", "limit", "100", "sort", "-createdAt,name", "fields", "id,name",
                "status", "active");

        assertThat(query.offset()).isEqualTo(200);
        assertThat(query.sort()).containsExactly(new ListQuery.Sort("createdAt", true), new ListQuery.Sort("name", false));
        assertThat(query.fields()).containsExactlyInAnyOrder("id", "name");
        assertThat(query.filters()).containsExactly(Map.entry("status", "active"));
    }

    @Test
    void metaCountsPagesAndAPagePastTheEndIsJustEmpty() {
        assertThat(parse("page", "9", "limit", "10").meta(41)).isEqualTo(new PageMeta(9, 10, 41, 5));
        assertThat(parse().meta(0)).isEqualTo(new PageMeta(1, 20, 0, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page|0|page", "page|-1|page", "page|two|page", "limit|0|limit", "limit|101|limit", "limit|1.5|limit",
            "sort|-secret|sort", "sort|name,name|sort", "sort|''|sort", "fields|password|fields", "fields|id,|fields",
            "unknown|x|unknown"})
    void aMalformedOrUnknownParameterIsABadRequestNamingIt(String name, String value, String reported) {
        assertThatThrownBy(() -> parse(name, value))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.details()).containsEntry("parameter", reported);
                });
    }

    @Test
    void aParameterGivenTwiceIsABadRequest() {
        assertThatThrownBy(() -> ListQueryResolver.parse(Map.of("page", new String[] {"1", "2"}), ROOMS))
                .isInstanceOf(ApiException.class).hasMessageContaining("once");
    }

    @Test
    void fieldSelectionKeepsOnlyTheChosenFields() {
        record Room(String id, String name, String status) {
        }
        ListResponse<?> response = ListResponse.of(List.of(new Room("room_1", "Party", "active")),
                parse("fields", "id,status"), 1);

        List<Object> data = List.copyOf(response.data());
        assertThat(data).containsExactly(Map.of("id", "room_1", "status", "active"));
    }

    @Test
    void aParameterWithAControlCharacterOrALoneSurrogateIsRefused() {
        for (String value : List.of("a" + (char) 0 + "b", "x" + (char) 1 + "y", "x" + (char) 0xD800)) {
            assertThatThrownBy(() -> parse("status", value)).as(value)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
    }

    @Test
    void aParameterLongerThanAnyFilterValueIsRefused() {
        assertThat(parse("status", "a".repeat(200)).filters()).containsEntry("status", "a".repeat(200));
        assertThatThrownBy(() -> parse("status", "a".repeat(201))).isInstanceOf(ApiException.class);
    }
}
