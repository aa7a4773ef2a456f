package io.eventplatform.identity.login;

import io.eventplatform.contracts.json.PlatformJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's OAuth 2 web flow (authorization code with state and PKCE; GitHub issues no id token): the code buys an
 * access token, which reads the user and their primary verified email from GitHub's API.
 */
@Component
class GitHubClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    URI authorizationUrl(LoginProperties.Provider provider, String callback, String state, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", callback);
        query.put("scope", "read:user user:email");
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        query.put("allow_signup", "true");
        return URI.create(provider.authorizationUri() + "?" + OidcClient.form(query));
    }

    OidcClient.Identity exchange(LoginProperties.Provider provider, String code, String verifier, String callback) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", provider.clientId());
        form.put("client_secret", provider.clientSecret());
        form.put("code", code);
        form.put("redirect_uri", callback);
        form.put("code_verifier", verifier);
        JsonNode token = call(HttpRequest.newBuilder(URI.create(provider.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OidcClient.form(form))));
        String accessToken = token.path("access_token").asString("");
        if (accessToken.isEmpty()) {
            throw new OidcClient.NotVerified("GitHub refused the code: " + token.path("error").asString("no access token"), null);
        }
        JsonNode user = call(HttpRequest.newBuilder(URI.create(provider.apiUri() + "/user"))
                .header("Authorization", "Bearer " + accessToken).GET());
        JsonNode emails = call(HttpRequest.newBuilder(URI.create(provider.apiUri() + "/user/emails"))
                .header("Authorization", "Bearer " + accessToken).GET());
        String email = null;
        for (JsonNode candidate : emails) {
            if (candidate.path("primary").asBoolean(false) && candidate.path("verified").asBoolean(false)) {
                email = candidate.path("email").asString(null);
            }
        }
        String id = user.path("id").asString("");
        if (id.isEmpty()) {
            throw new OidcClient.NotVerified("GitHub did not say who the user is", null);
        }
        String name = user.path("name").isString() ? user.path("name").asString() : user.path("login").asString(null);
        return new OidcClient.Identity(id, email, email != null, name, user.path("avatar_url").asString(null));
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new OidcClient.ProviderUnavailable("GitHub answered " + response.statusCode(), null);
            }
            if (response.statusCode() != 200) {
                throw new OidcClient.NotVerified("GitHub answered " + response.statusCode(), null);
            }
            return PlatformJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new OidcClient.ProviderUnavailable("Cannot reach GitHub: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcClient.ProviderUnavailable("Interrupted", e);
        }
    }
}
