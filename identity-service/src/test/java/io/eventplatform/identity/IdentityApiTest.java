package io.eventplatform.identity;

import io.eventplatform.testing.WithRealInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * identity-service on a random port with the dev login on, real PostgreSQL and Kafka. Every class with this
 * annotation shares one application context (and database), so the suite starts the service once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.auth.dev-login.enabled=true",
        "platform.auth.admin-emails=boss@example.com,root@example.com,apps-admin@example.com",
        "platform.identity.tokens.issuer=http://issuer.test",
        "platform.security.issuer=http://issuer.test"})
@WithRealInfrastructure(kafka = true)
public @interface IdentityApiTest {
}
