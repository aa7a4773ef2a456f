package io.eventplatform.identity.login.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.identity.login.ProviderLogin;
import io.eventplatform.identity.session.TokenPair;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Login with an external provider: the list, the start (302 to the provider), the callback. */
@RestController
@RequestMapping("/api/v1/auth")
class LoginController {

    private final ProviderLogin logins;

    LoginController(ProviderLogin logins) {
        this.logins = logins;
    }

    @GetMapping("/providers")
    Data<List<ProviderLogin.Listed>> providers() {
        return Data.of(logins.providers());
    }

    @GetMapping("/{provider}")
    ResponseEntity<Void> start(@PathVariable String provider,
                               @RequestParam(name = "redirect_uri", required = false) @Nullable String redirectUri) {
        ProviderLogin.Started started = logins.start(provider, redirectUri);
        return ResponseEntity.status(302).location(started.target())
                .header(HttpHeaders.SET_COOKIE, browserCookie(provider, started.state(), started.browserKey(),
                        logins.attemptLifetime()).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GetMapping("/{provider}/callback")
    ResponseEntity<Object> callback(@PathVariable String provider, @RequestParam(required = false) @Nullable String code,
                                    @RequestParam(required = false) @Nullable String state,
                                    @RequestParam(required = false) @Nullable String error, HttpServletRequest request) {
        String browserKey = state == null ? null : cookie(request, ProviderLogin.cookieName(state));
        ProviderLogin.Finished finished = logins.finish(provider, code, state, browserKey, error,
                request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
        TokenPair tokens = finished.tokens();
        String spent = browserCookie(provider, state, "", Duration.ZERO).toString();
        if (finished.redirectUri() == null) {
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.SET_COOKIE, spent)
                    .body(Map.of("data", Map.of(
                    "accessToken", tokens.accessToken(), "refreshToken", tokens.refreshToken(), "tokenType", "Bearer",
                    "expiresIn", tokens.expiresIn(), "user", Map.of("id", tokens.user().id(), "email", tokens.user().email()))));
        }
        // tokens in the fragment: never sent to any server, not even the app's
        String fragment = "access_token=" + encode(tokens.accessToken()) + "&refresh_token=" + encode(tokens.refreshToken())
                + "&token_type=Bearer&expires_in=" + tokens.expiresIn();
        return ResponseEntity.status(302).location(URI.create(finished.redirectUri() + "#" + fragment))
                .header(HttpHeaders.SET_COOKIE, spent).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * The cookie that binds a login to the browser that started it: sent only to this provider's callback, not
     * readable by scripts, sent on the provider's top-level redirect back (Lax) but not on cross-site requests.
     */
    private ResponseCookie browserCookie(String provider, String state, String value, Duration maxAge) {
        return ResponseCookie.from(ProviderLogin.cookieName(state), value)
                .path("/api/v1/auth/" + provider + "/callback")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(logins.secureCookies())
                .sameSite("Lax")
                .build();
    }

    private static @Nullable String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
