package io.eventplatform.support.lists;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed, validated list request: 1-based page, limit (1–100), sort orders on whitelisted fields, the selected
 * fields (empty: all), and the filters given.
 */
public record ListQuery(int page, int limit, List<Sort> sort, Set<String> fields, Map<String, String> filters) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** One sort key; {@code descending} for a leading {@code -}. */
    public record Sort(String field, boolean descending) {
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    /** The {@code meta} of a list response for this query and the total number of matching items. */
    public PageMeta meta(long total) {
        return new PageMeta(page, limit, total, (int) ((total + limit - 1) / limit));
    }
}
