package io.wirestream.architecture.broken.config;

import io.wirestream.architecture.broken.classify.Rules;

/** Broken on purpose: the other side of the cycle. */
public final class Limits {

    public int maxRules() {
        return 10;
    }

    public int threshold() {
        return new Rules().threshold(this);
    }
}
