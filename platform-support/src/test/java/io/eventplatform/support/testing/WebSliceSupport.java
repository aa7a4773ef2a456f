package io.eventplatform.support.testing;

import io.eventplatform.security.RevocationSet;
import io.eventplatform.security.SecurityProperties;
import io.eventplatform.support.lists.ListsAutoConfiguration;
import io.eventplatform.support.security.PlatformSecurityAutoConfiguration;
import io.eventplatform.support.web.PlatformWebAutoConfiguration;
import io.eventplatform.testing.TestTokenIssuer;
import java.time.Clock;
import java.util.function.Consumer;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Base of a controller's web slice ({@code @WebMvcTest(SomeController.class)} on the subclass): the controller with
 * the platform's whole HTTP layer as the service runs it — request ids, the body size limit, strict text bodies,
 * the error envelope, the token checks against a real key set ({@link TestTokenIssuer}), {@code Caller} and list
 * parameters — and no database or broker. The feature's services are the subclass's {@code @MockitoBean}s: a slice
 * asserts what the web layer turns a request into, and that a refused request never reaches them.
 */
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
        ListsAutoConfiguration.class})
@Import(WebSliceSupport.Revocations.class)
public abstract class WebSliceSupport {

    protected static final TestTokenIssuer TOKENS = new TestTokenIssuer();

    @Autowired
    protected MockMvcTester mvc;

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    /** A user's bearer header. */
    protected static String bearer(String userId) {
        return bearer(userId, claims -> { });
    }

    protected static String bearer(String userId, Consumer<JWTClaimsSet.Builder> claims) {
        return "Bearer " + TOKENS.token(builder -> {
            builder.subject(userId);
            claims.accept(builder);
        });
    }

    /** The revocation set without its Kafka feed: nothing revoked. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Revocations {

        @Bean
        RevocationSet revocationSet(SecurityProperties properties) {
            return new RevocationSet(properties.maxTokenLifetime(), Clock.systemUTC());
        }
    }
}
