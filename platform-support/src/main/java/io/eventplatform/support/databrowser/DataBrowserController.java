package io.eventplatform.support.databrowser;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.lists.PageMeta;
import io.eventplatform.support.web.ApiException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/data/{service}}: this service's tables with row counts; {@code GET
 * /api/v1/admin/data/{service}/{table}?limit&offset&sort}: a page of a table's rows. Platform admins only; the
 * gateway routes each service's part to it and lists all of them at {@code /api/v1/admin/data}.
 */
@RestController
final class DataBrowserController {

    static final int MAX_LIMIT = 100;

    private final DataBrowser browser;
    private final String service;

    DataBrowserController(DataBrowser browser, String service) {
        this.browser = browser;
        this.service = service;
    }

    record Tables(String service, List<DataBrowser.Table> tables) {
    }

    record Rows(String service, String table, List<String> columns, List<String> sortable) {
    }

    @GetMapping("/api/v1/admin/data/{service}")
    Map<String, Object> tables(@AuthenticationPrincipal Jwt caller, @PathVariable String service) {
        requireAdmin(caller);
        requireThisService(service);
        return Map.of("data", new Tables(this.service, browser.tables()));
    }

    @GetMapping("/api/v1/admin/data/{service}/{table}")
    Map<String, Object> rows(@AuthenticationPrincipal Jwt caller, @PathVariable String service, @PathVariable String table,
                             @RequestParam(defaultValue = "20") String limit, @RequestParam(defaultValue = "0") String offset,
                             @RequestParam(required = false) @Nullable String sort) {
        requireAdmin(caller);
        requireThisService(service);
        int size = number(limit, "limit", 1, MAX_LIMIT);
        int from = number(offset, "offset", 0, Integer.MAX_VALUE);
        DataBrowser.Page page = browser.rows(table, size, from, sort);
        int pages = (int) ((page.total() + size - 1) / size);
        return Map.of("data", page.rows(),
                "meta", new PageMeta(from / size + 1, size, page.total(), pages),
                "table", new Rows(this.service, page.table(), page.columns(), page.sortable()));
    }

    private void requireThisService(String service) {
        if (!this.service.equals(service)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such service here", Map.of("service", service));
        }
    }

    private static void requireAdmin(@Nullable Jwt caller) {
        if (caller == null || !TokenClaims.USER_TOKEN.equals(caller.getClaimAsString(TokenClaims.TYPE)) || !TokenClaims.ADMIN.equals(caller.getClaimAsString(TokenClaims.PLATFORM_ROLE))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only platform admins can browse the data", Map.of("required", "admin"));
        }
    }

    private static int number(String value, String parameter, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiException(ErrorCode.BAD_REQUEST, parameter + " must be a whole number from " + min + " to " + max,
                Map.of("parameter", parameter));
    }
}
