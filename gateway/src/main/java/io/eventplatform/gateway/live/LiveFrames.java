package io.eventplatform.gateway.live;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * How a live client's frames become messages, set up on its connection before the upgrade:
 * <ul>
 * <li>a message sent in several frames is joined into one from the very first frame (the session would join them
 *     only once its handler runs, and frames a client sends right after the upgrade may come before that);</li>
 * <li>text that is not UTF-8 is refused (RFC 6455 section 8.1; Reactor Netty does not check it);</li>
 * <li>what Netty cannot take closes the connection with the matching code where Netty finds it: a message longer
 *     than {@value #MAX_MESSAGE} bytes, in one frame or joined (1009, as room-service closes a message too long for
 *     it), text that is not UTF-8 (1007), or another breach of the protocol (its own code, e.g. 1002 for a frame the
 *     client did not mask). Left to the session, such an error ended the connection with 1000 and was logged as an
 *     error dropped.</li>
 * </ul>
 * Both pass anything that is not a WebSocket frame through, so a request that is not upgraded after all is not
 * concerned.
 */
final class LiveFrames extends ChannelInboundHandlerAdapter {

    static final String NAME = "live-frames";
    private static final String UTF8 = "live-utf8";
    /** What the session would join (Spring's default for a WebSocket session on Reactor Netty). */
    static final int MAX_MESSAGE = 65_536;

    static void install(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NAME) != null || pipeline.get(NettyPipeline.ReactiveBridge) == null) {
            return;
        }
        pipeline.addBefore(NettyPipeline.ReactiveBridge, UTF8, new Utf8Text());
        // under Reactor Netty's own name: the session's receive() finds it there and adds no second one
        pipeline.addBefore(NettyPipeline.ReactiveBridge, NettyPipeline.WsFrameAggregator,
                new WebSocketFrameAggregator(MAX_MESSAGE));
        pipeline.addBefore(NettyPipeline.ReactiveBridge, NAME, new LiveFrames());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof PrematureChannelClosureException) {
            return; // the connection ended in the middle of a message: its session ends as with any client gone
        }
        WebSocketCloseStatus status = status(cause);
        if (status == null) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Netty's check of each text frame, leaving the close to {@link LiveFrames} (Netty's own closes without a frame). */
    private static final class Utf8Text extends Utf8FrameValidator {

        Utf8Text() {
            super(false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.fireExceptionCaught(cause);
        }
    }

    static @Nullable WebSocketCloseStatus status(Throwable error) {
        if (error instanceof TooLongFrameException) {
            return WebSocketCloseStatus.MESSAGE_TOO_BIG;
        }
        return error instanceof CorruptedWebSocketFrameException corrupted ? corrupted.closeStatus() : null;
    }
}
