package io.eventplatform.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

/**
 * A live client's frames on a real Netty pipeline: joined from the first one, text checked to be UTF-8, and what cannot
 * be taken closes with its code.
 */
class LiveFramesTest {

    /** What reaches the end of the pipeline, where Reactor Netty hands frames to the session. */
    private static final class Session extends ChannelInboundHandlerAdapter {
        final List<Object> messages = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            messages.add(message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
        }
    }

    private final Session session = new Session();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    LiveFramesTest() {
        channel.pipeline().addLast(NettyPipeline.ReactiveBridge, session);
        LiveFrames.install(channel);
    }

    @Test
    void aMessageInSeveralFramesReachesTheSessionAsOne() {
        channel.writeInbound(new TextWebSocketFrame(false, 0, "{\"type\":"), new ContinuationWebSocketFrame(false, 0, "\"ping\","),
                new ContinuationWebSocketFrame(true, 0, "\"id\":\"1\"}"));
        assertThat(session.messages).hasSize(1);
        TextWebSocketFrame joined = (TextWebSocketFrame) session.messages.get(0);
        assertThat(joined.text()).isEqualTo("{\"type\":\"ping\",\"id\":\"1\"}");
        joined.release();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aMessageLongerThanTheLimitInItsFramesClosesWith1009AndIsNoErrorForTheSession() {
        String half = "x".repeat(LiveFrames.MAX_MESSAGE / 2);
        channel.writeInbound(new TextWebSocketFrame(false, 0, half), new ContinuationWebSocketFrame(false, 0, half),
                new ContinuationWebSocketFrame(true, 0, "x"));
        assertThat(closedWith()).isEqualTo(WebSocketCloseStatus.MESSAGE_TOO_BIG.code());
        assertThat(session.messages).isEmpty();
        assertThat(session.errors).isEmpty();
    }

    @Test
    void textThatIsNotUtf8ClosesWith1007EvenInALaterFrame() {
        channel.writeInbound(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer("{\"type\":\"".getBytes(StandardCharsets.UTF_8))),
                new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xfe, '"', '}'})));
        assertThat(closedWith()).isEqualTo(WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code());
        assertThat(session.messages).isEmpty();
        assertThat(session.errors).isEmpty();
    }

    @Test
    void aClientGoneInTheMiddleOfAMessageIsNoErrorForTheSession() {
        channel.writeInbound(new TextWebSocketFrame(false, 0, "{\"type\":"));
        channel.close();
        assertThat(session.messages).isEmpty();
        assertThat(session.errors).isEmpty();
    }

    @Test
    void aBreachOfTheProtocolClosesWithItsOwnCode() {
        channel.pipeline().fireExceptionCaught(new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, "unmasked"));
        assertThat(closedWith()).isEqualTo(WebSocketCloseStatus.PROTOCOL_ERROR.code());
        assertThat(session.errors).isEmpty();
    }

    @Test
    void anyOtherErrorAndAnythingButAFrameGoOnToTheSession() {
        DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/ws");
        channel.writeInbound(request);
        IOException reset = new IOException("Connection reset by peer");
        channel.pipeline().fireExceptionCaught(reset);
        assertThat(session.messages).containsExactly(request);
        assertThat(session.errors).containsExactly(reset);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void itIsSetUpOnceAndOnlyWhereReactorNettyHandsFramesToASession() {
        LiveFrames.install(channel);
        assertThat(channel.pipeline().names()).containsSubsequence("live-utf8", NettyPipeline.WsFrameAggregator, LiveFrames.NAME,
                NettyPipeline.ReactiveBridge).containsOnlyOnce(LiveFrames.NAME);
        EmbeddedChannel plain = new EmbeddedChannel();
        LiveFrames.install(plain);
        assertThat(plain.pipeline().get(LiveFrames.NAME)).isNull();
    }

    private int closedWith() {
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close).isNotNull();
        int code = close.statusCode();
        close.release();
        assertThat(channel.isOpen()).isFalse();
        return code;
    }
}
