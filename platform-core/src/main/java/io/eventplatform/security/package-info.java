/**
 * Token rules and the revocation set, for every component that checks platform tokens — the webmvc services
 * (through platform-support) and the webflux gateway alike.
 */
@NullMarked
package io.eventplatform.security;

import org.jspecify.annotations.NullMarked;
