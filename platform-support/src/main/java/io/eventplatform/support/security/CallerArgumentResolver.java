package io.eventplatform.support.security;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.api.PlatformHeaders;
import io.eventplatform.support.web.ApiException;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds the {@link Caller} from the authenticated token and, for a user token, an optional {@code X-App-Token},
 * which is verified like any token (signature, issuer, audience, expiry, revocation) and must be an app token.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final JwtDecoder decoder;

    CallerArgumentResolver(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "A valid access token is required");
        }
        if (isApp(token)) {
            return Caller.app(token.getSubject(), permissions(token));
        }
        boolean admin = TokenClaims.ADMIN.equals(token.getClaimAsString(TokenClaims.PLATFORM_ROLE));
        String appToken = request.getHeader(PlatformHeaders.APP_TOKEN);
        if (appToken == null) {
            return Caller.user(token.getSubject(), admin);
        }
        Jwt app;
        try {
            app = decoder.decode(appToken);
        } catch (JwtException e) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The " + PlatformHeaders.APP_TOKEN + " is not a valid app token");
        }
        if (!isApp(app)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The " + PlatformHeaders.APP_TOKEN + " is not a valid app token");
        }
        return new Caller(token.getSubject(), admin, app.getSubject(), permissions(app));
    }

    private static boolean isApp(Jwt token) {
        return TokenClaims.APP_TOKEN.equals(token.getClaimAsString(TokenClaims.TYPE));
    }

    private static Set<String> permissions(Jwt token) {
        List<String> perms = token.getClaimAsStringList(TokenClaims.PERMISSIONS);
        return perms == null ? Set.of() : Set.copyOf(perms);
    }
}
