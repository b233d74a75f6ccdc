package io.wirestream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of wirestream, as functions of the root package, so that a test can show each one failing on a
 * deliberately broken copy as well as holding on the real code. One-way doors:
 * <pre>
 *   cli ──▶ {bench, web, replay, runtime, embedded, input, metrics, logging} ──▶ {topology, kafka}
 *       ──▶ {classify, dispatch, format, registry, config, schema}
 * </pre>
 */
final class PackageRules {

    private PackageRules() {
    }

    /** No two packages depend on each other, directly or round a longer cycle. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Each layer uses only the layers below it; the command line sits alone at the top. */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy(root + ".cli..")
                .layer("jobs").definedBy(root + ".bench..", root + ".web..", root + ".replay..", root + ".runtime..",
                        root + ".embedded..", root + ".input..", root + ".metrics..", root + ".logging..")
                .layer("topology").definedBy(root + ".topology..", root + ".kafka..")
                .layer("domain").definedBy(root + ".classify..", root + ".dispatch..", root + ".format..",
                        root + ".registry..", root + ".config..", root + ".schema..", root + ".util..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("topology").mayOnlyBeAccessedByLayers("cli", "jobs")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("cli", "jobs", "topology");
    }

    /** Parsing and classifying are plain Java: no Kafka, no HTTP, testable alone. */
    static ArchRule pureDomain(String root) {
        return noClasses().that().resideInAnyPackage(root + ".dispatch..", root + ".classify..", root + ".format..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.javalin..",
                        "org.eclipse.jetty..", "com.sun.net.httpserver..", "java.net.http..")
                .because("parsing and classification must run and be tested without a broker or a server");
    }
}
