package io.eventplatform.support.lists;

import io.eventplatform.contracts.json.PlatformJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;

/** The success envelope of a list: {@code {"data": [...], "meta": {page, limit, total, pages}}}. */
public record ListResponse<T>(List<T> data, PageMeta meta) {

    /** A feature's page as the API shows it: each item through {@code view}, with the fields the caller selected. */
    public static <T> ListResponse<?> of(Page<T> page, ListQuery query, Function<? super T, ?> view) {
        return of(page.items().stream().map(view).toList(), query, page.total());
    }

    /** The items, and only the fields the caller selected (all of them when none were). */
    public static ListResponse<?> of(List<?> items, ListQuery query, long total) {
        if (query.fields().isEmpty()) {
            return new ListResponse<>(items, query.meta(total));
        }
        List<Map<String, Object>> selected = items.stream().map(item -> {
            Map<String, Object> all = PlatformJson.mapper().convertValue(item, new TypeReference<Map<String, Object>>() { });
            Map<String, Object> kept = new LinkedHashMap<>();
            all.forEach((field, value) -> {
                if (query.fields().contains(field)) {
                    kept.put(field, value);
                }
            });
            return kept;
        }).toList();
        return new ListResponse<>(selected, query.meta(total));
    }
}
