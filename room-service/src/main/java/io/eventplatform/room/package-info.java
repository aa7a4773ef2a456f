@NullMarked
package io.eventplatform.room;

import org.jspecify.annotations.NullMarked;
