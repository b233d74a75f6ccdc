package io.wirestream.cli;

import picocli.CommandLine.Option;

/** The dashboard's HTTP server, shared by {@code run} and {@code dashboard}. */
final class DashboardOptions {

    @Option(names = "--dashboard", negatable = true, descriptionKey = "dashboard.enabled",
            description = "Serve the dashboard page and its API (--no-dashboard: only /metrics, /health and /ready). "
                    + "Default: on.")
    Boolean dashboard;

    @Option(names = "--dashboard-bind", paramLabel = "ADDRESS", descriptionKey = "dashboard.bind",
            description = "Address the dashboard, /metrics and /health listen on. Default: ${DEFAULT-VALUE}.")
    String dashboardBind;

    @Option(names = "--dashboard-port", paramLabel = "PORT", descriptionKey = "dashboard.port",
            description = "Port of the dashboard, /metrics and /health. Default: ${DEFAULT-VALUE}.")
    String dashboardPort;

    @Option(names = "--dashboard-token", paramLabel = "TOKEN", descriptionKey = "dashboard.token",
            description = "Changing alert rules needs this token. Prefer WIRESTREAM_DASHBOARD_TOKEN: options show in "
                    + "process lists. Default: none.")
    String dashboardToken;

    @Option(names = "--dashboard-allowed-hosts", paramLabel = "NAME,...", descriptionKey = "dashboard.allowed-hosts",
            description = "Host names the dashboard answers to besides localhost and literal addresses, e.g. the name "
                    + "of a proxy in front of it. Default: none.")
    String dashboardAllowedHosts;

    @Option(names = "--dashboard-max-viewers", paramLabel = "N", descriptionKey = "dashboard.max-viewers",
            description = "Live streams of the page open at once; one more is told, in the page, to come back in "
                    + "10 to 20 s. Default: ${DEFAULT-VALUE}.")
    String dashboardMaxViewers;
}
