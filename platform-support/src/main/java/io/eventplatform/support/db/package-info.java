/** Database plumbing shared by every domain service. */
@NullMarked
package io.eventplatform.support.db;

import org.jspecify.annotations.NullMarked;
