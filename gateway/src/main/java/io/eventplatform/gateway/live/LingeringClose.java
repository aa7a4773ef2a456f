package io.eventplatform.gateway.live;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a live client's connection the way RFC 6455 asks: after the close frame, the gateway stops sending (a TCP
 * half-close) and waits for the client to close its side, up to the grace. Reactor Netty closes the socket as soon as
 * its close frame is handed to the system; a client still reading what came before (a slow one, closed with 4408)
 * would answer a ping or the close frame into a closed socket, and the reset that answers it throws away everything
 * it has not read yet, the close frame included.
 */
final class LingeringClose extends ChannelDuplexHandler {

    static final String NAME = "live-lingering-close";

    private final long graceMillis;
    private volatile boolean now;
    private boolean lingering;

    LingeringClose(Duration grace) {
        this.graceMillis = grace.toMillis();
    }

    /** On the client's connection, from now on. */
    static void install(Channel channel, Duration grace) {
        if (channel.pipeline().get(NAME) == null) {
            channel.pipeline().addFirst(NAME, new LingeringClose(grace));
        }
    }

    /** Closes at once, whatever waits to be written or read. */
    static void cut(Channel channel) {
        if (channel.pipeline().get(NAME) instanceof LingeringClose handler) {
            handler.now = true;
        }
        channel.close();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (now || lingering || !channel.isActive() || !(channel instanceof SocketChannel socket)
                || socket.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        channel.closeFuture().addListener(closed -> promise.trySuccess());
        socket.shutdownOutput().addListener(shut -> {
            if (!shut.isSuccess()) {
                ctx.close();
            }
        });
        ctx.executor().schedule(() -> ctx.close(), graceMillis, TimeUnit.MILLISECONDS);
    }
}
