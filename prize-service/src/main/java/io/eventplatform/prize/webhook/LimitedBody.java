package io.eventplatform.prize.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** An answer's body read up to a limit: a longer one fails instead of filling the memory. */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer was longer than allowed. */
    static final class TooLarge extends IOException {
        TooLarge(int limit) {
            super("the answer is longer than " + limit + " bytes");
        }
    }

    private final int limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> upTo(int limit) {
        return response -> new LimitedBody(limit);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.size() + buffer.remaining() > limit) {
                result.completeExceptionally(new TooLarge(limit));
                subscription.cancel();
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            body.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(body.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
