package io.wirestream.classify;

import io.wirestream.schema.Dispatch;

/**
 * Decides which subjects a dispatch belongs to, and says why. The topology and the runtime take this, not a
 * particular implementation, so that a test can route by a fixed rule. Implementations are thread-safe.
 */
public interface Classifier {

    Classification classify(Dispatch dispatch);

    /**
     * The subjects this classifier may route to, in the order decisions list them, with the digest recorded in
     * each decision: the topology makes one output per subject before any dispatch is seen.
     */
    RuleSet ruleSet();
}
