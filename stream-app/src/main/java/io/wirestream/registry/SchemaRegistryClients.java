package io.wirestream.registry;

import java.util.Map;

/** Makes the client that a configuration asks for: in memory for {@code mock://scope}, else over HTTP; cached. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(Map<String, ?> configs) {
        RegistryConfig config = RegistryConfig.from(configs);
        if (config.isInMemory()) {
            return InMemorySchemaRegistry.scope(config.mockScope());
        }
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config));
    }
}
