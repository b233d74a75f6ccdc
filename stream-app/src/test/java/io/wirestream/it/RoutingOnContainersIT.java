package io.wirestream.it;

import io.wirestream.testing.ContainerServices;
import io.wirestream.testing.RequiresDocker;
import io.wirestream.testing.TestServices;

/** {@link RoutingIT} on {@code apache/kafka} and {@code confluentinc/cp-schema-registry} containers. */
@RequiresDocker
class RoutingOnContainersIT extends RoutingIT {

    @Override
    TestServices startServices() {
        return ContainerServices.start();
    }
}
