package io.wirestream.format;

import io.wirestream.dispatch.RawDispatch;

/** Reads the documents of one format into {@link Items}: one result per item, or one failure of the whole. */
interface FormatReader {

    void read(RawDispatch raw, Items items);
}
