/**
 * Live rooms at the edge: {@code /api/v1/ws}, each client's connection carried to room-service's hub over one link
 * per gateway, and the room's messages handed out here (docs/realtime.md "The gateway's link", ADR 0018).
 */
@NullMarked
package io.eventplatform.gateway.live;

import org.jspecify.annotations.NullMarked;
