package io.eventplatform.gateway.web;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.api.PlatformHeaders;
import io.eventplatform.requests.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Netty cannot read never reach a filter: a request line over {@code server.netty.max-initial-line-length}
 * (414), headers over {@code server.max-http-request-header-size} (431), a malformed request line or header (400).
 * Reactor Netty would answer them with an empty body. A handler right behind the HTTP codec answers them instead,
 * in the envelope, with a new {@code X-Request-Id} and the security headers, and closes the connection (what
 * follows on it cannot be read either).
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequests {

    @Bean
    NettyServerCustomizer envelopeForUnreadableRequests(JsonMapper json) {
        Answers answers = new Answers(json.writeValueAsBytes(ApiError.of(ErrorCode.URI_TOO_LONG)),
                json.writeValueAsBytes(ApiError.of(ErrorCode.HEADERS_TOO_LARGE)),
                json.writeValueAsBytes(ApiError.of(ErrorCode.BAD_REQUEST, "The request line or its headers cannot be read")));
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "platform.unreadableRequests", new Handler(answers));
            }
        });
    }

    private record Answers(byte[] uriTooLong, byte[] headersTooLarge, byte[] badRequest) {
    }

    /** One per connection: after a refusal it drops whatever else the codec passes on until the connection closes. */
    private static final class Handler extends ChannelInboundHandlerAdapter {

        private final Answers answers;
        private boolean refused;

        Handler(Answers answers) {
            this.answers = answers;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
                refused = true;
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(message);
                ctx.writeAndFlush(answer(cause)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(message);
        }

        private FullHttpResponse answer(Throwable cause) {
            HttpResponseStatus status;
            byte[] body;
            if (cause instanceof TooLongHttpLineException) {
                status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                body = answers.uriTooLong();
            } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                body = answers.headersTooLarge();
            } else {
                status = HttpResponseStatus.BAD_REQUEST;
                body = answers.badRequest();
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(PlatformHeaders.REQUEST_ID, RequestIds.acceptedOrNew(null));
            SecurityHeaders.FIXED.forEach(response.headers()::set);
            return response;
        }
    }
}
