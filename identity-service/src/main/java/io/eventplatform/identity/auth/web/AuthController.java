package io.eventplatform.identity.auth.web;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.identity.session.SessionService;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.idempotency.CarriesCredentials;
import io.eventplatform.support.lists.ListParams;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.ListResponse;
import io.eventplatform.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Refresh, logout, the caller's profile and sessions. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final SessionService sessions;
    private final UserAccounts users;

    AuthController(SessionService sessions, UserAccounts users) {
        this.sessions = sessions;
        this.users = users;
    }

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[…]";
        }
    }

    record LogoutRequest(@Nullable @Size(max = 256) String refreshToken) {
        @Override
        public String toString() {
            return "LogoutRequest[…]";
        }
    }

    @PostMapping("/refresh")
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.RUNS_AGAIN)
    Data<AuthResponses.Tokens> refresh(@RequestBody Submitted<RefreshRequest> body, HttpServletRequest request) {
        return new Data<>(AuthResponses.Tokens.of(
                sessions.refresh(body.valid().refreshToken(), request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr())));
    }

    @PostMapping("/logout")
    Data<Success> logout(@AuthenticationPrincipal Jwt jwt,
                         @RequestBody(required = false) @Nullable Submitted<LogoutRequest> body) {
        String sessionId = requireUserToken(jwt);
        String refreshToken = body == null ? null : body.valid().refreshToken();
        sessions.logOut(jwt.getSubject(), sessionId, jwt.getId(), jwt.getExpiresAt(), refreshToken);
        return Success.done();
    }

    @GetMapping("/me")
    Data<AuthResponses.Me> me(@AuthenticationPrincipal Jwt jwt) {
        requireUserToken(jwt);
        return new Data<>(AuthResponses.Me.of(users.find(jwt.getSubject())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "The account no longer exists"))));
    }

    @GetMapping("/sessions")
    ListResponse<?> sessions(@AuthenticationPrincipal Jwt jwt, @ListParams ListQuery query) {
        String current = requireUserToken(jwt);
        return ListResponse.of(sessions.list(jwt.getSubject(), current, query), query, sessions.countLive(jwt.getSubject()));
    }

    @DeleteMapping("/sessions/{sessionId}")
    Data<Success> endSession(@AuthenticationPrincipal Jwt jwt, @PathVariable String sessionId) {
        requireUserToken(jwt);
        sessions.end(jwt.getSubject(), sessionId);
        return Success.done();
    }

    /** These endpoints are about a user's own login: an app token has none. */
    private static String requireUserToken(Jwt jwt) {
        String sessionId = jwt.getClaimAsString(TokenClaims.SESSION);
        if (!TokenClaims.USER_TOKEN.equals(jwt.getClaimAsString(TokenClaims.TYPE)) || sessionId == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a user's token can do this", Map.of("required", "user token"));
        }
        return sessionId;
    }
}
