/** Configuration defaults shared by every domain service. */
@NullMarked
package io.eventplatform.support.config;

import org.jspecify.annotations.NullMarked;
