package io.eventplatform.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.web.EnvelopeResponses;
import io.eventplatform.security.OperatorToken;
import io.eventplatform.security.PlatformKeys;
import io.eventplatform.security.PlatformTokens;
import io.eventplatform.security.RevocationSet;
import io.eventplatform.security.SecurityProperties;
import io.eventplatform.security.VerifiedTokens;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a bearer token at the edge by the same rules as every service (keys from identity-service's JWKS, issuer,
 * audience, expiry, the revocation set): a forged, expired or revoked token gets 401 here and never reaches a
 * service. A request without a token passes on; the service decides whether its path is public.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BearerTokenCheck implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenCheck.class);

    private final NimbusReactiveJwtDecoder decoder;
    private final VerifiedTokens verified;
    private final byte[] unauthorized;

    BearerTokenCheck(SecurityProperties properties, RevocationSet revocations, JsonMapper json) {
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
        this.unauthorized = json.writeValueAsBytes(ApiError.of(ErrorCode.UNAUTHORIZED));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || OperatorToken.guards(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange); // the operator's token is checked by OperatorEndpoints
        }
        String token = authorization.substring(7).trim();
        return verify(token)
                .map(jwt -> true)
                .onErrorResume(JwtException.class, rejected -> {
                    log.debug("Token refused at the gateway: {}", rejected.getMessage());
                    return Mono.just(false);
                })
                .flatMap(valid -> valid ? chain.filter(exchange) : refuse(exchange.getResponse()));
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

    private Mono<Void> refuse(ServerHttpResponse response) {
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return EnvelopeResponses.write(response, 401, unauthorized);
    }
}
