package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/configuration.md lists every setting of 'run' exactly as the code has it: key, variable, option, default. */
class ConfigurationDocTest {

    @Test
    void shouldListEverySettingWithItsVariableOptionAndDefault() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "docs", "configuration.md")).stream()
                .filter(line -> line.startsWith("| `")).toList();
        CommandLine run = WirestreamCommand.newCommandLine().getSubcommands().get("run");
        assertThat(rows).hasSize(Setting.values().length);
        for (Setting setting : Setting.values()) {
            String key = setting.key();
            OptionSpec option = run.getCommandSpec().options().stream()
                    .filter(o -> setting == GivenOptions.settingOf(o)).findFirst()
                    .orElseThrow(() -> new AssertionError("no option of run sets " + key));
            String row = rows.stream().filter(r -> r.startsWith("| `" + key + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + key));
            assertThat(row).contains("`" + setting.envName() + "`", "`" + option.longestName() + "`");
            assertThat(row).contains(setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`");
        }
    }

    @Test
    void shouldShowEachDefaultInHelpAsTheOnePlaceHasIt() {
        String help = WirestreamCommand.newCommandLine().getSubcommands().get("run").getUsageMessage()
                .replaceAll("\\s+", " ");
        assertThat(help).contains("Default: unrouted", "Default: 30d", "Default: 1MiB", "Default: 8080",
                "Default: exactly_once_v2");
        String replayHelp = WirestreamCommand.newCommandLine().getSubcommands().get("replay").getUsageMessage()
                .replaceAll("\\s+", " ");
        assertThat(replayHelp).contains("Default: raw-feed.", "Default: 1MiB.");
    }
}
