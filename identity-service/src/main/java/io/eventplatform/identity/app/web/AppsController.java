package io.eventplatform.identity.app.web;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.identity.app.App;
import io.eventplatform.identity.app.AppRegistry;
import io.eventplatform.identity.token.AccessTokens;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.idempotency.CarriesCredentials;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/apps}: the app catalog (any user), its administration (platform admins), and app tokens. */
@RestController
@RequestMapping("/api/v1/apps")
class AppsController {

    private final AppRegistry registry;

    AppsController(AppRegistry registry) {
        this.registry = registry;
    }

    record Created(String appId, String appSecret, JsonNode manifest, String manifestVersion, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[" + appId + "]";
        }
    }

    record Detail(String appId, JsonNode manifest, String manifestVersion, boolean isActive, Instant createdAt, Instant updatedAt) {
        static Detail of(App app) {
            return new Detail(app.appId(), app.manifest(), app.manifestVersion(), app.active(), app.createdAt(), app.updatedAt());
        }
    }

    record CatalogEntry(String appId, String name, String version, String description, String baseUrl,
                        List<String> capabilities, boolean isActive, Instant createdAt) {
        static CatalogEntry of(App app) {
            List<String> capabilities = new ArrayList<>();
            app.manifest().path("capabilities").forEach(capability -> capabilities.add(capability.asString()));
            return new CatalogEntry(app.appId(), app.manifest().path("meta").path("name").asString(""), app.manifestVersion(),
                    app.manifest().path("meta").path("description").asString(""), app.manifest().path("baseUrl").asString(""),
                    capabilities, app.active(), app.createdAt());
        }
    }

    record ManifestVersion(String version, JsonNode manifest, @Nullable String replacedAt) {
    }

    record Secret(String appId, String appSecret, Instant regeneratedAt) {
        @Override
        public String toString() {
            return "Secret[" + appId + "]";
        }
    }

    record AppToken(String accessToken, String tokenType, long expiresIn) {
        @Override
        public String toString() {
            return "AppToken[…]";
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document shows; the answer sets it
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.REFUSED)
    ResponseEntity<Data<Created>> register(@AuthenticationPrincipal Jwt caller,
                                           @RequestBody Submitted<AppRequests.Register> body) {
        requireAdmin(caller);
        AppRegistry.Registered registered = registry.register(body.map(AppRequests.Register::command));
        App app = registered.app();
        return ResponseEntity.status(201).body(Data.of(new Created(app.appId(), registered.secret(), app.manifest(),
                app.manifestVersion(), app.createdAt())));
    }

    @GetMapping
    ListResponse<?> catalog(@AuthenticationPrincipal Jwt caller,
                            @ListParams(sortable = {"createdAt", "appId"}, defaultSort = "-createdAt",
                                    fields = {"appId", "name", "version", "description", "baseUrl", "capabilities",
                                            "isActive", "createdAt"}) ListQuery query) {
        return ListResponse.of(registry.page(query), query, CatalogEntry::of);
    }

    @GetMapping("/{appId}")
    Data<Detail> get(@PathVariable String appId) {
        return Data.of(Detail.of(registry.find(appId)));
    }

    @GetMapping("/{appId}/manifests")
    ListResponse<?> manifests(@PathVariable String appId, @ListParams ListQuery query) {
        App app = registry.find(appId);
        List<ManifestVersion> all = new ArrayList<>();
        all.add(new ManifestVersion(app.manifestVersion(), app.manifest(), null));
        app.manifestHistory().forEach(old -> all.add(new ManifestVersion(old.path("version").asString(),
                old.path("manifest"), old.path("replacedAt").asString(null))));
        int from = (int) Math.min(all.size(), query.offset());
        return ListResponse.of(all.subList(from, Math.min(all.size(), from + query.limit())), query, all.size());
    }

    @PatchMapping("/{appId}")
    Data<Detail> update(@AuthenticationPrincipal Jwt caller, @PathVariable String appId,
                        @RequestBody Submitted<AppRequests.Update> body) {
        requireAdmin(caller);
        return Data.of(Detail.of(registry.update(appId, body.map(AppRequests.Update::command), caller.getSubject())));
    }

    @PostMapping("/{appId}/regenerate-secret")
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.REFUSED)
    Data<Secret> regenerate(@AuthenticationPrincipal Jwt caller, @PathVariable String appId) {
        requireAdmin(caller);
        AppRegistry.Registered registered = registry.regenerateSecret(appId, caller.getSubject());
        return Data.of(new Secret(appId, registered.secret(), registered.app().updatedAt()));
    }

    @DeleteMapping("/{appId}")
    Data<Success> delete(@AuthenticationPrincipal Jwt caller, @PathVariable String appId) {
        requireAdmin(caller);
        registry.delete(appId, caller.getSubject());
        return Success.done();
    }

    record TokenRequest(@Nullable String appId, @Nullable String appSecret) {
        @Override
        public String toString() {
            return "TokenRequest[" + appId + "]";
        }
    }

    @PostMapping("/token")
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.RUNS_AGAIN)
    Data<AppToken> token(@RequestBody TokenRequest body, HttpServletRequest request) {
        if (body.appId() == null || body.appSecret() == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Invalid app credentials");
        }
        AccessTokens.Issued issued = registry.token(body.appId(), body.appSecret(), request.getRemoteAddr());
        return Data.of(new AppToken(issued.token(), "Bearer", registry.tokenTtlSeconds()));
    }

    private static void requireAdmin(Jwt caller) {
        if (!TokenClaims.USER_TOKEN.equals(caller.getClaimAsString(TokenClaims.TYPE)) || !TokenClaims.ADMIN.equals(caller.getClaimAsString(TokenClaims.PLATFORM_ROLE))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only platform admins can do this", Map.of("required", "admin"));
        }
    }
}
