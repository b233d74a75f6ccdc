package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/configuration.md lists every setting of 'run' exactly as the code has it: key, variable, option, default. */
class ConfigurationDocTest {

    @Test
    void shouldListEverySettingWithItsVariableOptionAndDefault() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "docs", "configuration.md")).stream()
                .filter(line -> line.startsWith("| `")).toList();
        CommandLine run = WirestreamCommand.newCommandLine().getSubcommands().get("run");
        assertThat(RunCommand.OPTION_OF_SETTING.keySet()).isEqualTo(Settings.DEFAULTS.keySet());
        assertThat(rows).hasSize(Settings.DEFAULTS.size());
        for (var setting : Settings.DEFAULTS.entrySet()) {
            String key = setting.getKey();
            String option = RunCommand.OPTION_OF_SETTING.get(key);
            assertThat(run.getCommandSpec().findOption(option)).as("option %s of %s", option, key).isNotNull();
            String row = rows.stream().filter(r -> r.startsWith("| `" + key + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + key));
            assertThat(row).contains("`" + Settings.envName(key) + "`", "`" + option + "`");
            assertThat(row).contains(setting.getValue() == null ? "none" : "`" + setting.getValue() + "`");
        }
    }
}
