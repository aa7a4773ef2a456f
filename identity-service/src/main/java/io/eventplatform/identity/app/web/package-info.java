@NullMarked
package io.eventplatform.identity.app.web;

import org.jspecify.annotations.NullMarked;
