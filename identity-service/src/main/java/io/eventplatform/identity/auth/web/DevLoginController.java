package io.eventplatform.identity.auth.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.identity.session.SessionService;
import io.eventplatform.identity.user.User;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.idempotency.CarriesCredentials;
import io.eventplatform.support.validation.TextLength;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/dev/login}: tokens for any email, no password — for demos and black-box tests. Exists
 * only when {@code platform.auth.dev-login.enabled=true} (the local profile), which the prod profile refuses.
 */
@RestController
@ConditionalOnProperty("platform.auth.dev-login.enabled")
class DevLoginController {

    private final UserAccounts users;
    private final SessionService sessions;

    DevLoginController(UserAccounts users, SessionService sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    record DevLoginRequest(@NotBlank @Email @Size(max = 254) String email, @Nullable @TextLength(min = 1, max = 100) String name) {
    }

    @PostMapping("/api/v1/auth/dev/login")
    @CarriesCredentials(repeat = CarriesCredentials.Repeat.RUNS_AGAIN)
    Data<AuthResponses.Tokens> login(@RequestBody Submitted<DevLoginRequest> submitted, HttpServletRequest request) {
        DevLoginRequest body = submitted.valid();
        User user = users.logIn(body.email(), body.name(), "dev", body.email().trim().toLowerCase(java.util.Locale.ROOT));
        return new Data<>(AuthResponses.Tokens.of(
                sessions.start(user, request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr())));
    }
}
