package io.eventplatform.identity.user.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.contracts.api.PlatformHeaders;
import io.eventplatform.identity.user.User;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.testing.WebSliceSupport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /api/v1/users/{userId}} as HTTP: who sees the email, who may change a profile, and what a body may hold. */
@WebMvcTest(UsersController.class)
class UsersWebTest extends WebSliceSupport {

    static final String ADA_ID = "usr_01JEVAD0000000000000000ADA";
    static final User ADA = new User(ADA_ID, "ada@example.com", "Ada", null, "dev", null, TokenClaims.USER, 1,
            Instant.parse("2026-12-01T18:00:00Z"), Instant.parse("2026-12-01T18:00:00Z"), null);

    @MockitoBean
    UserAccounts users;

    @BeforeEach
    void ada() {
        when(users.find(anyString())).thenAnswer(call -> ADA_ID.equals(call.getArgument(0)) ? Optional.of(ADA) : Optional.empty());
    }

    @Test
    void theEmailIsShownToTheUserAndToAdminsOnlyAndNeverThroughAnApp() {
        assertThat(profile(bearer(ADA_ID), null)).bodyJson().extractingPath("$.data.email").isEqualTo("ada@example.com");
        assertThat(profile(bearer("usr_root", claims -> claims.claim(TokenClaims.PLATFORM_ROLE, TokenClaims.ADMIN)), null))
                .bodyJson().extractingPath("$.data.email").isEqualTo("ada@example.com");
        assertThat(profile(bearer("usr_bob"), null)).bodyJson().extractingPath("$.data.email").isNull();
        assertThat(profile(bearer(ADA_ID), appToken(AppPermission.USERS_READ))).bodyJson().extractingPath("$.data.email").isNull();
    }

    @Test
    void anAppWithoutUsersReadIsRefusedAndAnAppWithItSeesTheProfile() {
        MvcTestResult without = mvc.get().uri("/api/v1/users/" + ADA_ID)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + appToken(AppPermission.ROOMS_READ)).exchange();
        MvcTestResult with = mvc.get().uri("/api/v1/users/" + ADA_ID)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + appToken(AppPermission.USERS_READ)).exchange();

        assertThat(without).hasStatus(403).bodyJson().extractingPath("$.error.code").isEqualTo("APP_PERMISSION_DENIED");
        assertThat(without).bodyJson().extractingPath("$.error.details.required").isEqualTo("users:read");
        assertThat(with).hasStatusOk().bodyJson().extractingPath("$.data.name").isEqualTo("Ada");
    }

    @Test
    void anotherUsersProfileIsNotChangedAndAMadeUpIdIsNotLookedUp() {
        MvcTestResult other = patch(ADA_ID, bearer("usr_bob"), "{\"name\":\"Bob was here\"}");
        MvcTestResult madeUp = patch("room_1", bearer(ADA_ID), "{\"name\":\"x\"}");

        assertThat(other).hasStatus(403).bodyJson().extractingPath("$.error.details.required")
                .isEqualTo("the user themselves or admin");
        assertThat(madeUp).hasStatus(404).bodyJson().extractingPath("$.error.code").isEqualTo("NOT_FOUND");
        verify(users, never()).find("room_1");
        verify(users, never()).updateProfile(any(), any());
    }

    @Test
    void aProfileChangeWithProblemsIsOne422AtItsFieldsAndChangesNothing() {
        MvcTestResult result = patch(ADA_ID, bearer(ADA_ID), "{\"name\":\"\",\"avatar\":\"ftp://x\",\"email\":\"a@b.c\"}");

        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.error.details.fields").asMap()
                .containsOnlyKeys("name", "avatar", "email");
        verify(users, never()).updateProfile(any(), any());
    }

    private MvcTestResult profile(String authorization, String appToken) {
        var request = mvc.get().uri("/api/v1/users/" + ADA_ID).header(HttpHeaders.AUTHORIZATION, authorization);
        if (appToken != null) {
            request.header(PlatformHeaders.APP_TOKEN, appToken);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        return result;
    }

    private MvcTestResult patch(String userId, String authorization, String body) {
        return mvc.patch().uri("/api/v1/users/" + userId).header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static String appToken(AppPermission permission) {
        return TOKENS.token(claims -> claims.subject("app_lottery").claim(TokenClaims.TYPE, TokenClaims.APP_TOKEN)
                .claim(TokenClaims.SESSION, null).claim(TokenClaims.PLATFORM_ROLE, null)
                .claim(TokenClaims.PERMISSIONS, List.of(permission.wire())));
    }
}
