@NullMarked
package io.eventplatform.identity.auth.web;

import org.jspecify.annotations.NullMarked;
