package io.wirestream.ingest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: past it, the exchange is cancelled (the connection closed) and
 * the body fails with {@link TooLarge}, so that a huge or endless response costs at most the limit.
 */
final class LimitedBody implements BodySubscriber<byte[]> {

    /** The body was longer than the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the response is larger than the limit of " + limit + " bytes");
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private volatile boolean tooLarge;

    /**
     * @param limit          the most bytes kept; -1 to keep none and read the body to its end
     * @param declaredLength the response's Content-Length, -1 for none: refused before any byte is read
     */
    LimitedBody(long limit, long declaredLength) {
        this.limit = limit;
        if (limit >= 0 && declaredLength > limit) {
            tooLarge = true;
            result.completeExceptionally(new TooLarge(limit));
        }
    }

    /**
     * The body of an answer whose body is not kept (an error page, a redirect's note): read and dropped, so that its
     * status and headers (a Retry-After, a Location) count whatever body came with them. Not cancelled: over HTTP/2
     * a cancelled stream fails the whole exchange. The exchange's deadline bounds an endless one.
     */
    static LimitedBody unread() {
        return new LimitedBody(-1, -1);
    }

    /** The reason the exchange failed, when it was this body's limit: the client may report the cancel instead. */
    TooLarge overflow() {
        return tooLarge ? new TooLarge(limit) : null;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone() || limit < 0) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > limit) {
                // Failed before cancelled: the cancellation's own error must not be taken for the reason.
                tooLarge = true;
                result.completeExceptionally(new TooLarge(limit));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
