package io.eventplatform.support.lists;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@link ListQuery} controller parameter, what a list accepts (docs/api.md "Lists"): anything
 * else in the query string is a 400.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ListParams {

    /** Fields {@code sort} may name. Empty: the list cannot be sorted by the caller ({@code sort} is a 400). */
    String[] sortable() default {};

    /** The order when the caller gives none, in {@code sort} syntax (e.g. {@code -createdAt}). */
    String defaultSort() default "";

    /** Fields {@code fields} may select. Empty: no field selection. */
    String[] fields() default {};

    /** Filter parameters the list understands. */
    String[] filters() default {};
}
