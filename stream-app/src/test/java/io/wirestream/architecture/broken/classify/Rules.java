package io.wirestream.architecture.broken.classify;

import io.wirestream.architecture.broken.config.Limits;

/** Broken on purpose: one side of a cycle between classify and config. */
public final class Rules {

    public int threshold(Limits limits) {
        return limits.maxRules() / 2;
    }
}
