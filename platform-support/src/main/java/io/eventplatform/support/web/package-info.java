/** HTTP plumbing shared by every webmvc service: request id and the error envelope. */
@NullMarked
package io.eventplatform.support.web;

import org.jspecify.annotations.NullMarked;
