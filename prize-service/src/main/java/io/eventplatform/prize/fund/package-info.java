/** A room's prize fund: prizes and their units — never below what is awarded, never over-awarded (every change of units under the prize's row lock). */
@NullMarked
package io.eventplatform.prize.fund;

import org.jspecify.annotations.NullMarked;
