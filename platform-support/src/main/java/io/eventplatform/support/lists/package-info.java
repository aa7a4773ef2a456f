/** Pagination, sorting and field selection of every list (docs/api.md "Lists"). */
@NullMarked
package io.eventplatform.support.lists;

import org.jspecify.annotations.NullMarked;
