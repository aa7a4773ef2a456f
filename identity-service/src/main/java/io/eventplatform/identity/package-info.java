@NullMarked
package io.eventplatform.identity;

import org.jspecify.annotations.NullMarked;
