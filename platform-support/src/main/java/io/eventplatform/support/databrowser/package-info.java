/** The read-only data browser of a service's own tables, for platform admins (the original's Studio). */
@NullMarked
package io.eventplatform.support.databrowser;

import org.jspecify.annotations.NullMarked;
