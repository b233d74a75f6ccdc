package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What run and dashboard refuse before they start anything. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToStartWhenThePipelinesProducerWouldNotUseAcksAll() throws Exception {
        Path config = dir.resolve("wirestream.properties");
        Files.writeString(config, "kafka.acks=1\n");

        for (String command : new String[] {"run", "dashboard"}) {
            StringWriter err = new StringWriter();
            CommandLine wirestream = WirestreamCommand.newCommandLine();
            wirestream.setErr(new PrintWriter(err));

            int exit = wirestream.execute(command, "--config", config.toString(), "--bootstrap-servers",
                    "127.0.0.1:1", "--schema-registry-url", "http://127.0.0.1:1");

            assertThat(exit).as(command).isEqualTo(1);
            assertThat(err.toString()).as(command).startsWith("cannot start: kafka.acks=1 is refused")
                    .contains("wirestream's producers use acks=all");
        }
    }
}
