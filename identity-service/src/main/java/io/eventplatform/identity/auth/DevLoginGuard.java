package io.eventplatform.identity.auth;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service that has the dev login (tokens for any email, no password) enabled together with the
 * prod profile — before any bean exists, so a misconfigured production never serves a single request.
 */
public final class DevLoginGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean devLogin = environment.getProperty("platform.auth.dev-login.enabled", Boolean.class, false);
        if (devLogin && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(
                    "platform.auth.dev-login.enabled=true is not allowed with the prod profile: it hands out tokens "
                            + "for any email without a password");
        }
    }
}
