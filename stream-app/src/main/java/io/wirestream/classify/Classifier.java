package io.wirestream.classify;

import io.wirestream.schema.Dispatch;

/** Decides which subjects a dispatch belongs to, and says why. Implementations are thread-safe. */
public interface Classifier {

    Classification classify(Dispatch dispatch);
}
