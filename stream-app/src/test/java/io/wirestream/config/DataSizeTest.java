package io.wirestream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void shouldReadBytesAndBinaryUnits() {
        assertThat(DataSize.parse("1048576").bytes()).isEqualTo(1 << 20);
        assertThat(DataSize.parse("512KiB").bytes()).isEqualTo(512 * 1024);
        assertThat(DataSize.parse("1 MiB").bytes()).isEqualTo(1 << 20);
        assertThat(DataSize.parse("2gib").bytes()).isEqualTo(2L << 30);
        assertThat(DataSize.parse("10B").bytes()).isEqualTo(10);
    }

    @Test
    void shouldRefuseUnitsThatCouldMeanTwoThings() {
        for (String bad : new String[] {"1MB", "1KB", "1.5MiB", "-1", "", "lots"}) {
            assertThatThrownBy(() -> DataSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1MiB");
        }
    }

    @Property
    void shouldReadBackWhatItWrites(@ForAll @LongRange(min = 0, max = 1L << 40) long bytes) {
        assertThat(DataSize.parse(DataSize.ofBytes(bytes).toString()).bytes()).isEqualTo(bytes);
    }
}
