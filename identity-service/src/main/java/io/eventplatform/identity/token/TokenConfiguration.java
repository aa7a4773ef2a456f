package io.eventplatform.identity.token;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import io.eventplatform.security.PlatformTokens;
import io.eventplatform.security.RevocationSet;
import io.eventplatform.security.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class TokenConfiguration {

    @Bean
    SigningKeys signingKeys(TokenProperties properties, Environment environment) {
        return SigningKeys.from(properties, environment.acceptsProfiles(Profiles.of("prod")));
    }

    @Bean
    AccessTokens accessTokens(SigningKeys keys, TokenProperties properties) {
        return new AccessTokens(keys, properties, Clock.systemUTC());
    }

    /** identity-service verifies with its own published keys directly, by the same rules as every service. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security, RevocationSet revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.published()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(PlatformTokens.validator(security, revocations));
        return decoder;
    }
}
