/**
 * Request bodies as typed records: {@link io.eventplatform.support.body.Submitted} reads a JSON body into a record
 * and keeps what did not fit (an unknown property, a wrong type, a Bean Validation constraint) as field errors, so
 * the feature can answer them together with its own checks in one 422 — after it has answered 404 and 403, in
 * the order docs/api.md gives. {@link io.eventplatform.support.body.Patch} tells an absent property from an
 * explicit {@code null} (JSON merge-patch).
 */
@NullMarked
package io.eventplatform.support.body;

import org.jspecify.annotations.NullMarked;
