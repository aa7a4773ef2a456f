/** JSON conventions shared by every service. */
@NullMarked
package io.eventplatform.contracts.json;

import org.jspecify.annotations.NullMarked;
