/** Pagination, sorting and field selection of every list (rest-api.md "Lists"). */
@NullMarked
package io.eventplatform.support.lists;

import org.jspecify.annotations.NullMarked;
