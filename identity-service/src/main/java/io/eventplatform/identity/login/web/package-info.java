@NullMarked
package io.eventplatform.identity.login.web;

import org.jspecify.annotations.NullMarked;
