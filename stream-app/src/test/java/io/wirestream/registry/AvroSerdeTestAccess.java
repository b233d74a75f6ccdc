package io.wirestream.registry;

import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Routing;
import java.util.List;

/** A small routed Dispatch for tests outside this package. */
public final class AvroSerdeTestAccess {

    private AvroSerdeTestAccess() {
    }

    public static Dispatch dispatch(String headline) {
        Dispatch dispatch = AvroSerdeTest.dispatch();
        dispatch.setHeadline(headline);
        dispatch.setStoryKey(headline);
        dispatch.setRouting(new Routing(List.of("north-korea"), List.of(), "test"));
        return dispatch;
    }
}
