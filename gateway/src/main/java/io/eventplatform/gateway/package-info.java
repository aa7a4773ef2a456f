@NullMarked
package io.eventplatform.gateway;

import org.jspecify.annotations.NullMarked;
