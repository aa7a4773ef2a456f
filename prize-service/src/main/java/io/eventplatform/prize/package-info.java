@NullMarked
package io.eventplatform.prize;

import org.jspecify.annotations.NullMarked;
