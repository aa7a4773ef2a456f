package io.eventplatform.support.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose answer holds a credential (tokens, an app secret). Its answer is never stored by the
 * {@code Idempotency-Key} support, so it is never replayed (docs/auth.md "Idempotency on credential endpoints").
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CarriesCredentials {

    Repeat repeat();

    /** What a request with an {@code Idempotency-Key} that was already used gets. */
    enum Repeat {
        /**
         * The key is not looked at: every request runs. For exchanges that are safe or meaningful to repeat — a
         * login issues another session; a refresh token presented again is a reuse, which ends its session.
         */
        RUNS_AGAIN,
        /**
         * The key is kept with the request's fingerprint and the answer's status, not its body: a repeat is 409
         * and does not run again (creating an app twice), and the caller reads or regenerates what it lost.
         */
        REFUSED
    }
}
