package io.wirestream.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules hold on wirestream's own code, and each one fails on a copy broken on purpose. */
class PackageRulesTest {

    private static final String ROOT = "io.wirestream";
    private static final String BROKEN = "io.wirestream.architecture.broken";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    private static final JavaClasses BROKEN_COPY = new ClassFileImporter().importPackages(BROKEN);

    @Test
    void shouldHaveNoCycleAmongPackages() {
        PackageRules.noCycles(ROOT).check(MAIN);
    }

    @Test
    void shouldDependOnlyDownwardsWithTheCommandLineAtTheTop() {
        PackageRules.layers(ROOT).check(MAIN);
    }

    @Test
    void shouldKeepKafkaAndHttpOutOfParsingAndClassifying() {
        PackageRules.pureDomain(ROOT).check(MAIN);
    }

    @Test
    void shouldFindTheCycleInTheBrokenCopy() {
        assertThatThrownBy(() -> PackageRules.noCycles(BROKEN).check(BROKEN_COPY)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected").hasMessageContaining("classify").hasMessageContaining("config");
    }

    @Test
    void shouldFindTheUpwardDependencyInTheBrokenCopy() {
        assertThatThrownBy(() -> PackageRules.layers(BROKEN).check(BROKEN_COPY)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.topology.Router").hasMessageContaining("broken.cli.Command");
    }

    @Test
    void shouldFindKafkaInTheBrokenCopysParser() {
        assertThatThrownBy(() -> PackageRules.pureDomain(BROKEN).check(BROKEN_COPY)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.dispatch.Parser").hasMessageContaining("org.apache.kafka");
    }
}
