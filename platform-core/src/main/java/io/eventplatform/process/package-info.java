/** Ties a service's lifetime to the process that supervises it in the embedded dev stack. */
@NullMarked
package io.eventplatform.process;

import org.jspecify.annotations.NullMarked;
