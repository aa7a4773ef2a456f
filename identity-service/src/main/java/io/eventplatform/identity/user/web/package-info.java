@NullMarked
package io.eventplatform.identity.user.web;

import org.jspecify.annotations.NullMarked;
