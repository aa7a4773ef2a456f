/** Request ids and the error envelope for everything the gateway answers itself. */
@NullMarked
package io.eventplatform.gateway.web;

import org.jspecify.annotations.NullMarked;
