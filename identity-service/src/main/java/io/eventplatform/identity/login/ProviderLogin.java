package io.eventplatform.identity.login;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.identity.session.SessionService;
import io.eventplatform.identity.session.TokenPair;
import io.eventplatform.identity.user.User;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.web.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Login through an external OpenID Connect provider: start (redirect with state, PKCE and nonce, each stored
 * once, and a random key for the browser's cookie, stored as a hash), finish (the state taken once and only in
 * the browser that started it, the id token verified), then the user is found or created and gets a session like
 * any other login.
 */
@Service
@EnableConfigurationProperties(LoginProperties.class)
public class ProviderLogin {

    private static final Logger log = LoggerFactory.getLogger(ProviderLogin.class);
    private static final SecureRandom random = new SecureRandom();

    /** A finished login: the tokens, and the app URL to hand them to (none: answer with JSON). */
    public record Finished(TokenPair tokens, @Nullable String redirectUri) {
        @Override
        public String toString() {
            return "Finished[" + tokens.user().id() + "]";
        }
    }

    /**
     * A started login: where to send the browser, and the key that browser must hold in a cookie until the
     * callback — a callback without it is refused, so a login started by someone else cannot be finished here.
     */
    public record Started(URI target, String state, String browserKey) {
        @Override
        public String toString() {
            return "Started[" + target.getHost() + "]";
        }
    }

    /** A configured provider as {@code GET /auth/providers} lists it. */
    public record Listed(String id, String name) {
    }

    private final LoginProperties properties;
    private final LoginAttempts attempts;
    private final OidcClient oidc;
    private final GitHubClient github;
    private final UserAccounts users;
    private final SessionService sessions;

    ProviderLogin(LoginProperties properties, LoginAttempts attempts, OidcClient oidc, GitHubClient github,
                  UserAccounts users, SessionService sessions) {
        this.properties = properties;
        this.attempts = attempts;
        this.oidc = oidc;
        this.github = github;
        this.users = users;
        this.sessions = sessions;
    }

    public List<Listed> providers() {
        return properties.providers().entrySet().stream()
                .filter(entry -> entry.getValue().configured())
                .map(entry -> new Listed(entry.getKey(), entry.getValue().displayName() != null
                        ? entry.getValue().displayName() : displayName(entry.getKey())))
                .sorted(java.util.Comparator.comparing(Listed::id))
                .toList();
    }

    /** Where to send the user's browser to log in with {@code providerId}, and the key to bind it. */
    public Started start(String providerId, @Nullable String redirectUri) {
        LoginProperties.Provider provider = provider(providerId);
        if (redirectUri != null && !properties.redirectUris().contains(redirectUri)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "redirect_uri is not an allowed app URL",
                    Map.of("parameter", "redirect_uri"));
        }
        String state = randomToken();
        String verifier = randomToken();
        String nonce = randomToken();
        String browserKey = randomToken();
        URI target = provider.github()
                ? github.authorizationUrl(provider, callback(providerId), state, challenge(verifier))
                : withProvider(() -> oidc.authorizationUrl(provider, callback(providerId), state, nonce, challenge(verifier)));
        attempts.save(new LoginAttempts.Attempt(state, providerId, verifier, nonce, redirectUri, sha256(browserKey)),
                Instant.now().plus(properties.attemptLifetime()));
        return new Started(target, state, browserKey);
    }

    /** The provider sent the user back: check state, exchange the code, verify the id token, log the user in. */
    public Finished finish(String providerId, @Nullable String code, @Nullable String state, @Nullable String browserKey,
                           @Nullable String error, @Nullable String deviceInfo, @Nullable String ip) {
        LoginProperties.Provider provider = provider(providerId);
        if (state == null || state.isBlank()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "state is missing", Map.of("parameter", "state"));
        }
        LoginAttempts.Attempt attempt = attempts.take(state, providerId).orElseThrow(() -> new ApiException(
                ErrorCode.BAD_REQUEST, "This login has expired or was already used; start again", Map.of("parameter", "state")));
        if (browserKey == null || !MessageDigest.isEqual(sha256(browserKey).getBytes(StandardCharsets.US_ASCII),
                attempt.browserHash().getBytes(StandardCharsets.US_ASCII))) {
            log.warn("Login with {} refused: the callback came to a browser that did not start it", providerId);
            throw new ApiException(ErrorCode.BAD_REQUEST, "This login was not started in this browser; start again",
                    Map.of("parameter", "state"));
        }
        if (error != null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The provider did not complete the login");
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "code is missing", Map.of("parameter", "code"));
        }
        OidcClient.Identity identity;
        try {
            identity = withProvider(() -> provider.github()
                    ? github.exchange(provider, code, attempt.codeVerifier(), callback(providerId))
                    : oidc.exchange(provider, code, attempt.codeVerifier(), callback(providerId), attempt.nonce()));
        } catch (OidcClient.NotVerified e) {
            log.warn("Login with {} refused: {}", providerId, e.getMessage());
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The login could not be verified");
        }
        if (identity.email() == null || identity.email().isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The provider did not share a verified email address");
        }
        User user = users.logInWithProvider(providerId, identity.subject(), identity.email(), identity.emailVerified(),
                identity.name(), identity.picture());
        return new Finished(sessions.start(user, deviceInfo, ip), attempt.redirectUri());
    }

    private LoginProperties.Provider provider(String providerId) {
        LoginProperties.Provider provider = properties.providers().get(providerId);
        if (provider == null || !provider.configured()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such login provider");
        }
        return provider;
    }

    private String callback(String providerId) {
        return properties.callbackBaseUrl() + "/api/v1/auth/" + providerId + "/callback";
    }

    private static <T> T withProvider(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OidcClient.ProviderUnavailable e) {
            log.warn("Login provider unavailable: {}", e.getMessage());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The login provider cannot be reached right now");
        }
    }

    private static String displayName(String id) {
        return switch (id) {
            case "google" -> "Google";
            case "github" -> "GitHub";
            case "dev-oidc" -> "Dev OIDC";
            default -> "OpenID Connect";
        };
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of the cookie that binds the login with this state to its browser (one per login in flight). */
    public static String cookieName(String state) {
        return "platform_login_" + sha256(state).substring(0, 16);
    }

    public Duration attemptLifetime() {
        return properties.attemptLifetime();
    }

    public boolean secureCookies() {
        return properties.secureCookies();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
