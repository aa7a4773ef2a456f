/** Types of the REST contract that more than one service speaks. */
@NullMarked
package io.eventplatform.contracts.api;

import org.jspecify.annotations.NullMarked;
