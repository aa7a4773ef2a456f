package io.eventplatform.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's side of live rooms ({@code platform.gateway.live.*}, docs/realtime.md "Limits").
 *
 * @param sendBuffer    what a client may have waiting to be sent here; beyond it, close 4408 (it may resume)
 * @param closeGrace how long a closed client may take to take the close frame (and what came before it) and
 *                      close its side before its connection is cut
 * @param maxLinkFrame  the longest frame room-service's link may send (a message and the numbers of its clients)
 */
@ConfigurationProperties("platform.gateway.live")
record LiveSettings(@DefaultValue("1MB") DataSize sendBuffer, @DefaultValue("10s") Duration closeGrace,
                    @DefaultValue("1MB") DataSize maxLinkFrame) {
}
