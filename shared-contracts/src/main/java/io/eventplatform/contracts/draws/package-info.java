/** The published draw algorithm, shared so that anyone (and every test) recomputes a draw the same way. */
@NullMarked
package io.eventplatform.contracts.draws;

import org.jspecify.annotations.NullMarked;
