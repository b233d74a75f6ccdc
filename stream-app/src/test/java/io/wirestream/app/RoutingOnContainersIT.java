package io.wirestream.app;

/** {@link RoutingIT} on {@code apache/kafka} and {@code confluentinc/cp-schema-registry} containers. */
@RequiresDocker
class RoutingOnContainersIT extends RoutingIT {

    @Override
    TestServices startServices() {
        return ContainerServices.start();
    }
}
