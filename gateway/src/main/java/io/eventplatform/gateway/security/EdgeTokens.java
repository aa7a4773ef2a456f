package io.eventplatform.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.security.BearerHeader;
import io.eventplatform.security.OperatorToken;
import io.eventplatform.security.PlatformKeys;
import io.eventplatform.security.PlatformTokens;
import io.eventplatform.security.RevocationSet;
import io.eventplatform.security.SecurityProperties;
import io.eventplatform.security.VerifiedTokens;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the bearer token of a request is worth at the edge, by the same rules as every service (keys from
 * identity-service's JWKS, issuer, audience, expiry, the revocation set): checked once per request, whoever asks
 * first (the rate limits, then the token check), and kept on the exchange.
 */
@Component
public class EdgeTokens {

    /** The request's bearer token: none (or an operator's, checked elsewhere), a valid one, or one that is not. */
    public record Check(Kind kind, @Nullable Jwt token) {

        public enum Kind { NONE, VALID, INVALID }

        static final Check NONE = new Check(Kind.NONE, null);
        static final Check INVALID = new Check(Kind.INVALID, null);

        /** A valid app token (the app acting alone). */
        public boolean app() {
            return token != null && TokenClaims.APP_TOKEN.equals(token.getClaimAsString(TokenClaims.TYPE));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EdgeTokens.class);
    private static final String ATTRIBUTE = EdgeTokens.class.getName() + ".check";

    private final NimbusReactiveJwtDecoder decoder;
    private final VerifiedTokens verified;

    EdgeTokens(SecurityProperties properties, RevocationSet revocations) {
        JWKSource<SecurityContext> keys = PlatformKeys.source(properties);
        this.decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Mono
                        // the services' key source: a cold crowd's tokens wait for one fetch of the key set, and
                        // made-up key ids cause at most two fetches per interval (PlatformKeys)
                        .fromCallable(() -> keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable)
                        // the key set cannot be fetched now, or the fetch limit is reached: no key, so the token is
                        // not verified (401), like a token whose key is not in the set
                        .onErrorResume(KeySourceException.class, unreadable -> {
                            log.debug("No key for a token at the gateway: {}", unreadable.getMessage());
                            return Flux.empty();
                        }))
                // RS256 or ES256 only (this builder takes one algorithm; the selector takes both), as every service
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new JWKSecurityContextJWKSet())))
                .build();
        OAuth2TokenValidator<Jwt> validator = PlatformTokens.validator(properties, revocations);
        this.decoder.setJwtValidator(validator);
        this.verified = VerifiedTokens.of(validator);
    }

    /** The request's token, checked on the first call and remembered on the exchange for the next. */
    public Mono<Check> check(ServerWebExchange exchange) {
        Mono<Check> known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String token = BearerHeader.token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        Mono<Check> check;
        if (token == null || OperatorToken.guards(exchange.getRequest().getPath().value())) {
            check = Mono.just(Check.NONE); // the operator's token is checked by OperatorEndpoints
        } else {
            check = verify(token)
                    .map(jwt -> new Check(Check.Kind.VALID, jwt))
                    .onErrorResume(JwtException.class, rejected -> {
                        log.debug("Token refused at the gateway: {}", rejected.getMessage());
                        return Mono.just(Check.INVALID);
                    })
                    .cache();
        }
        exchange.getAttributes().put(ATTRIBUTE, check);
        return check;
    }

    /** A token seen before skips the signature check (its rules still apply: expiry, revocation). */
    private Mono<Jwt> verify(String token) {
        try {
            Jwt known = verified.lookup(token);
            if (known != null) {
                return Mono.just(known);
            }
        } catch (JwtException rejected) {
            return Mono.error(rejected);
        }
        return decoder.decode(token).doOnNext(verified::remember);
    }
}
