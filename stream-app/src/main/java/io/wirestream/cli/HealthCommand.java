package io.wirestream.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream health}: a health probe that needs nothing but Java, for images that have no curl. */
@Command(name = "health",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Asks a running 'wirestream run' whether it is ready to route, through its dashboard's /ready endpoint, "
                    + "and exits 0 if it answers with a 2xx status. Meant for container health checks, where the "
                    + "image has Java but no curl."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready", "1:not ready, or no answer within the timeout", "2:invalid command line"})
final class HealthCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            defaultValue = "http://127.0.0.1:${env:WIRESTREAM_DASHBOARD_PORT:-8080}/ready",
            description = "What to ask. Default: ${DEFAULT-VALUE} (the port from WIRESTREAM_DASHBOARD_PORT).")
    private URI url;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for the answer. Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds;

    @Override
    public Integer call() {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body().strip();
            String summary = "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body.lines().findFirst().orElse(""));
            if (response.statusCode() / 100 == 2) {
                spec.commandLine().getOut().println("ready (" + summary + ")");
                return 0;
            }
            spec.commandLine().getErr().println("not ready (" + summary + ")");
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("not ready: no answer from " + url + " (" + e + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
