package io.eventplatform.support.lists;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds a {@link ListQuery} from the query string with the whitelists of the parameter's {@link ListParams}; a
 * malformed or unknown parameter is a 400 that names it.
 */
final class ListQueryResolver implements HandlerMethodArgumentResolver {

    private static final Set<String> RESERVED = Set.of("page", "limit", "sort", "fields");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ListQuery.class;
    }

    @Override
    public ListQuery resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                                     NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        ListParams params = parameter.getParameterAnnotation(ListParams.class);
        if (params == null) {
            throw new IllegalStateException("A ListQuery parameter needs @ListParams: " + parameter.getMethod());
        }
        return parse(request.getParameterMap(), params);
    }

    private static final int MAX_VALUE_LENGTH = 200;

    private static boolean unusable(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
    }

    static ListQuery parse(Map<String, String[]> query, ListParams params) {
        Set<String> filters = Set.of(params.filters());
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : query.entrySet()) {
            String name = entry.getKey();
            if (!RESERVED.contains(name) && !filters.contains(name)) {
                throw bad(name, "is not a parameter of this list");
            }
            if (entry.getValue().length != 1) {
                throw bad(name, "must be given once");
            }
            String value = entry.getValue()[0];
            if (value.length() > MAX_VALUE_LENGTH || value.codePoints().anyMatch(ListQueryResolver::unusable)) {
                // nothing a list can be filtered by is that long or holds a NUL (which PostgreSQL cannot even compare)
                throw bad(name, "must be at most " + MAX_VALUE_LENGTH + " printable characters");
            }
            given.put(name, value);
        }
        int page = integer(given, "page", 1, 1, Integer.MAX_VALUE);
        int limit = integer(given, "limit", ListQuery.DEFAULT_LIMIT, 1, ListQuery.MAX_LIMIT);
        List<ListQuery.Sort> sort = sort(given.get("sort"), params);
        Set<String> fields = fields(given.get("fields"), params);
        Map<String, String> filterValues = new LinkedHashMap<>(given);
        RESERVED.forEach(filterValues::remove);
        return new ListQuery(page, limit, sort, fields, Map.copyOf(filterValues));
    }

    private static int integer(Map<String, String> given, String name, int fallback, int min, int max) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw bad(name, max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw bad(name, "must be a whole number");
        }
    }

    private static List<ListQuery.Sort> sort(@Nullable String value, ListParams params) {
        String effective = value == null ? params.defaultSort() : value;
        if (value != null && (params.sortable().length == 0 || value.isBlank())) {
            throw bad("sort", params.sortable().length == 0 ? "this list cannot be sorted" : "must name a field");
        }
        List<ListQuery.Sort> orders = new ArrayList<>();
        if (effective.isEmpty()) {
            return orders;
        }
        Set<String> sortable = Set.of(params.sortable());
        Set<String> seen = new LinkedHashSet<>();
        for (String part : effective.split(",", -1)) {
            boolean descending = part.startsWith("-");
            String field = descending ? part.substring(1) : part;
            if (value != null && !sortable.contains(field)) {
                throw bad("sort", "'" + part + "' is not one of " + Arrays.toString(params.sortable()));
            }
            if (!seen.add(field)) {
                throw bad("sort", "names '" + field + "' twice");
            }
            orders.add(new ListQuery.Sort(field, descending));
        }
        return List.copyOf(orders);
    }

    private static Set<String> fields(@Nullable String value, ListParams params) {
        if (value == null) {
            return Set.of();
        }
        Set<String> allowed = Set.of(params.fields());
        Set<String> fields = new LinkedHashSet<>();
        for (String field : value.split(",", -1)) {
            if (!allowed.contains(field)) {
                throw bad("fields", "'" + field + "' is not one of " + Arrays.toString(params.fields()));
            }
            fields.add(field);
        }
        return Set.copyOf(fields);
    }

    private static ApiException bad(String parameter, String reason) {
        return new ApiException(ErrorCode.BAD_REQUEST, "Query parameter '" + parameter + "' " + reason,
                Map.of("parameter", parameter, "reason", reason));
    }
}
