package io.eventplatform.gateway.security;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.web.EnvelopeResponses;
import io.eventplatform.security.OperatorToken;
import io.eventplatform.security.PlatformTokens;
import io.eventplatform.security.RevocationSet;
import io.eventplatform.security.SecurityProperties;
import io.eventplatform.security.VerifiedTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
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
    private final UnknownKeyIds unknownKeys;
    private final byte[] unauthorized;

    BearerTokenCheck(SecurityProperties properties, RevocationSet revocations, JsonMapper json) {
        this.decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        this.unknownKeys = new UnknownKeyIds(properties.jwksRefetchInterval(), json);
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
        if (!unknownKeys.mayVerify(token)) {
            return Mono.error(new BadJwtException("Too many tokens with unknown key ids; not fetching the key set again yet"));
        }
        return decoder.decode(token)
                .doOnNext(jwt -> {
                    verified.remember(jwt);
                    unknownKeys.keyFound(token);
                })
                .doOnError(JwtException.class, refused -> {
                    if (!UnknownKeyIds.noSuchKey(refused) && !(refused.getMessage() != null
                            && refused.getMessage().startsWith("Unsupported algorithm"))) {
                        unknownKeys.keyFound(token);
                    }
                });
    }

    private Mono<Void> refuse(ServerHttpResponse response) {
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return EnvelopeResponses.write(response, 401, unauthorized);
    }
}
