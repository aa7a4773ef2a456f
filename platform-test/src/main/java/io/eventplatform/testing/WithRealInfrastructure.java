package io.eventplatform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context the JVM's real PostgreSQL (a fresh database of its own, wired as
 * {@code spring.datasource.*}) and, if asked, the JVM's Kafka broker ({@code spring.kafka.bootstrap-servers}).
 * Test classes with the same configuration share one cached context and therefore one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithRealInfrastructure {

    /** Whether the context also needs the Kafka broker. */
    boolean kafka() default false;
}
