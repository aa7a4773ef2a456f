package io.eventplatform.identity.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login providers and where their logins may end ({@code platform.auth.*}).
 *
 * @param providers       by id ({@code google}, {@code oidc}, {@code dev-oidc}, …); one without a client id is not offered
 * @param redirectUris    the only app URLs a login may hand its tokens to (exact match)
 * @param callbackBaseUrl the public base URL of the API (the gateway), where providers send the user back
 * @param attemptLifetime how long a started login may take
 * @param secureCookies   whether the cookie that binds a login to its browser is {@code Secure} (HTTPS only);
 *                        off only for the local stack on plain HTTP
 */
@ConfigurationProperties("platform.auth")
public record LoginProperties(
        @DefaultValue Map<String, Provider> providers,
        @DefaultValue List<String> redirectUris,
        @DefaultValue("http://localhost:8080") String callbackBaseUrl,
        @DefaultValue("10m") Duration attemptLifetime,
        @DefaultValue("true") boolean secureCookies) {

    /**
     * A login provider: an OpenID Connect issuer found by discovery at {@code issuerUri}, or — with
     * {@code type: github} — GitHub's OAuth 2 (no id token: the user and their verified emails come from its API).
     *
     * @param displayName what {@code GET /auth/providers} calls it
     */
    public record Provider(@DefaultValue("oidc") String type, @Nullable String issuerUri, @Nullable String clientId,
                           @Nullable String clientSecret, @Nullable String displayName,
                           @DefaultValue("openid email profile") String scope,
                           @DefaultValue("https://github.com/login/oauth/authorize") String authorizationUri,
                           @DefaultValue("https://github.com/login/oauth/access_token") String tokenUri,
                           @DefaultValue("https://api.github.com") String apiUri) {

        boolean github() {
            return "github".equals(type);
        }

        boolean configured() {
            boolean hasClient = clientId != null && !clientId.isBlank();
            return github() ? hasClient && clientSecret != null && !clientSecret.isBlank()
                    : hasClient && issuerUri != null && !issuerUri.isBlank();
        }
    }
}
