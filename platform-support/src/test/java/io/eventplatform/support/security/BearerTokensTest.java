package io.eventplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token is found (or refused as malformed) exactly as Spring Security's default resolver does it. */
class BearerTokensTest {

    final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    final BearerTokens ours = new BearerTokens();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3IifQ.c2ln-_~+/", "bearer abc", "BEARER abc==",
            "Bearer abc=", "Bearer ab=c", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc ", "Bearer a\tb",
            "Bearer ümlaut", "Bearer a%b", "Basic dXNlcjpwdw==", "", "bear abc", "Bearer =", "Bearer \u212a",
            "Bearer abc\n", "Token abc", "BeArEr x.y.z"})
    void decidesLikeSpringSecuritysDefaultResolver(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", header);

        Object expected = outcome(() -> spring.resolve(request));
        Object actual = outcome(() -> ours.resolve(request));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void noHeaderIsNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
    }

    private static Object outcome(java.util.function.Supplier<String> resolve) {
        Throwable error = catchThrowable(resolve::get);
        return error == null ? String.valueOf(resolve.get()) : error.getClass().getName() + ": " + error.getMessage();
    }
}
