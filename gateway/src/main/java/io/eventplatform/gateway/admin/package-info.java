/** The admin pages the gateway serves itself: the data browser's overview of every service and its web page. */
@NullMarked
package io.eventplatform.gateway.admin;

import org.jspecify.annotations.NullMarked;
