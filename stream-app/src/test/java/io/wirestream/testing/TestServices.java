package io.wirestream.testing;

import java.nio.file.Path;

/** A broker and a schema registry for an integration test, however they run. */
public interface TestServices extends AutoCloseable {

    String bootstrapServers();

    /** The Confluent-compatible registry URL. */
    String registryUrl();

    /** A scratch folder for the test's own files. */
    Path dir();

    @Override
    void close();
}
