/**
 * Request validation shared by the services: field errors in the envelope's {@code details.fields} form, JSON
 * Schema errors as field paths, semantic versions.
 */
@NullMarked
package io.eventplatform.support.validation;

import org.jspecify.annotations.NullMarked;
