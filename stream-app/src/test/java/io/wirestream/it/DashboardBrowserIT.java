package io.wirestream.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.wirestream.embedded.Ports;
import io.wirestream.testing.DroppingProxy;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.WirestreamProcess;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in a real browser (Debian's headless Chromium, driven by Playwright) against the real app: the jar
 * run as a user runs it, on a real broker and schema registry; its live stream resumed across a cut connection,
 * and refused, visibly, above the most viewers (four here). Skipped, with the reason, where no Chromium is
 * installed ({@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("wirestream.chromium", "/usr/bin/chromium"));
    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    /** Few, so that a test can fill them. */
    private static final int MAX_VIEWERS = 4;

    private static RealServices services;
    private static WirestreamProcess app;
    private static String url;
    private static Playwright playwright;
    private static Browser browser;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": install Debian's chromium package "
                + "(apt-get install chromium) or point -Dwirestream.chromium at one; .ci/run installs it");
        services = RealServices.start();
        int port = Ports.freePort();
        app = WirestreamProcess.start("run", "--bootstrap-servers",
                services.bootstrapServers(), "--schema-registry-url", services.registryUrl(), "--data-dir",
                services.dir().resolve("data").toString(), "--dashboard-port", Integer.toString(port),
                "--dashboard-max-viewers", Integer.toString(MAX_VIEWERS));
        app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(3));
        url = "http://127.0.0.1:" + port + "/";
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", services.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                // This machine's network is closed: no background calls home, which would only fail.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (app != null) {
            app.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowDispatchesLiveFireAlertsKeepMarkupInertAndChartTheCounts() throws Exception {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 1000));
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
        page.navigate(url);
        assertThat(page.locator("#status")).hasText("live", new LocatorAssertions.HasTextOptions().setTimeout(30_000));

        // A produced dispatch appears in its subject's column.
        send(dispatch("N. Korea fires short-range ballistic missile into East Sea",
                "North Korea fired a short-range ballistic missile into the East Sea on Friday, the Joint Chiefs of "
                        + "Staff said, days after Pyongyang warned of countermeasures against joint drills."));
        Locator northKorea = page.locator("#column-north-korea .card");
        assertThat(northKorea.first()).containsText("N. Korea fires short-range ballistic missile", SOON);
        assertThat(page.locator("#column-north-korea mark").first()).isVisible();

        // A story's kill follows it (to unrouted, where no rule sent it), badged, and strikes its card through.
        // Both keyed alike, so that they share an input partition, and so the task that remembers the story.
        send("story-1", dispatch("Seoul opens its kimchi festival", "The city opened its annual kimchi festival."));
        send("story-1", "KILL -- Seoul opens its kimchi festival\n\nSEOUL, Nov. 27 (Yonhap) -- The story is withdrawn. "
                + "Do not use.\n\n(END)\n");
        assertThat(page.locator(".card.kill-notice .badge.kill").first()).containsText("KILLED", SOON);
        assertThat(page.locator(".card.killed").first()).containsText("Seoul opens its kimchi festival", SOON);

        // An alert rule made in the page fires on the next matching dispatch, and shows at once.
        page.locator("#alert-name").fill("Camp Humphreys");
        page.locator("#alert-query").fill("\"Camp Humphreys\"");
        page.locator("#alert-add").click();
        assertThat(page.locator("#rules")).containsText("Camp Humphreys", SOON);
        send(dispatch("USFK marks 10 years at Camp Humphreys",
                "U.S. Forces Korea marked ten years at Camp Humphreys in Pyeongtaek on Friday, with the alliance "
                        + "chiefs of both countries attending the ceremony."));
        assertThat(page.locator("#alerts li").first()).containsText("USFK marks 10 years at Camp Humphreys", SOON);
        assertThat(page.locator("#alerts li .rule").first()).hasText("Camp Humphreys");

        // A malformed rule is refused with the parser's message, and nothing is added.
        page.locator("#alert-name").fill("broken");
        page.locator("#alert-query").fill("\"Camp Humphreys");
        page.locator("#alert-add").click();
        assertThat(page.locator("#alert-error")).containsText("bad query syntax", SOON);
        assertThat(page.locator("#rules li")).hasCount(1);

        // Markup in a rule's name, a headline, an alert and a dead letter is shown as text and never runs.
        page.locator("#alert-name").fill("<img src=x onerror=\"window.pwned=3\">");
        page.locator("#alert-query").fill("\"ballistic missile\"");
        page.locator("#alert-add").click();
        assertThat(page.locator("#rules")).containsText("<img src=x onerror=", SOON);
        send(dispatch("N. Korea test <script>window.pwned=1</script> <img src=x onerror=\"window.pwned=2\">",
                "North Korea fired a ballistic missile on Friday, the military said."));
        assertThat(northKorea.first()).containsText("<script>window.pwned=1</script>", SOON);
        assertThat(page.locator("#alerts li").first()).containsText("<script>window.pwned=1</script>", SOON);
        northKorea.first().click();
        assertThat(page.locator("#detail")).containsText("<img src=x onerror=\"window.pwned=2\">", SOON);
        page.keyboard().press("Escape");
        send("<html><head><title>Wire</title></head><body><script>window.pwned=4</script></body></html>");
        Locator deadLetter = page.locator("#column-dead-letters .card").first();
        assertThat(deadLetter).containsText("MARKUP", SOON);
        deadLetter.click();
        assertThat(page.locator("#detail pre")).containsText("<script>window.pwned=4</script>", SOON);
        page.keyboard().press("Escape");
        assertThat(page.locator("main script, main img, #detail script, #detail img")).hasCount(0);
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);

        // The chart shows the topology's counts, as the API serves them.
        page.locator("#span").selectOption("60");
        Locator total = page.locator("#totals li[data-column='north-korea'] b");
        assertThat(total).hasText("2", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        Object charted = page.evaluate("() => Chart.getChart(document.getElementById('chart')).data.datasets"
                + ".find(d => d.label === 'North Korea').data.reduce((a, b) => a + b, 0)");
        assertThat(((Number) charted).intValue()).isEqualTo(2);
        assertThat(get("/api/counts?minutes=60")).contains("\"column\":\"north-korea\"").contains("\"total\":2");

        // Clicking a dispatch shows it whole, with why it was routed.
        northKorea.last().click();
        assertThat(page.locator("#detail")).containsText("Why it was routed", SOON);
        assertThat(page.locator("#detail")).containsText("north-korea");
        Files.createDirectories(Path.of("target"));
        page.keyboard().press("Escape");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "dashboard.png")).setFullPage(true));

        // The one error the browser saw is the refusal of the malformed rule; nothing else, no CSP violation.
        assertThat(problems).as("errors in the page, CSP violations included")
                .containsExactly("Failed to load resource: the server responded with a status of 400 (Bad Request)");
        assertThat(get("/")).isNotEmpty();
    }

    @Test
    @Order(2)
    void shouldServeTheSameFromAStandaloneDashboardWhoseRulesTheRunningPipelineObeys() throws Exception {
        int port = Ports.freePort();
        try (WirestreamProcess dashboard = WirestreamProcess.start("dashboard",
                "--bootstrap-servers", services.bootstrapServers(), "--schema-registry-url", services.registryUrl(),
                "--data-dir", services.dir().resolve("dashboard-data").toString(), "--dashboard-port",
                Integer.toString(port))) {
            dashboard.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            String base = "http://127.0.0.1:" + port + "/";
            await("the standalone page has the pipeline's dispatches").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> body(base, "api/recent").contains("N. Korea fires short-range ballistic missile"));
            await("its counting app runs").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> body(base, "ready").contains("\"READY\""));

            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + "api/alert-rules")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"name\":\"Sejong\",\"query\":\"\\\"Sejong Institute\\\"\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            // The pipeline reads the rule from the topic; a dispatch sent once it has is matched.
            await("the pipeline has the rule").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> body(url, "api/alert-rules")
                    .contains("Sejong"));
            send(dispatch("Experts weigh alliance costs at Sejong Institute forum",
                    "Security experts at the Sejong Institute discussed the alliance on Friday."));
            await("the alert reaches the standalone page").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> body(base, "api/recent").contains("\"ruleName\":\"Sejong\""));
            // Its own counting app counts from its start: the one dispatch sent since, not the ones before.
            await("its counting app counts the new dispatch").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> totals(base).values().stream().mapToLong(Long::longValue).sum() >= 1);
            assertThat(totals(base)).containsEntry("north-korea", 0L).containsEntry("dead-letters", 0L);
        }
    }

    @Test
    @Order(3)
    void shouldResumeAfterTheConnectionIsCutWithoutReloadingThePage() throws Exception {
        try (DroppingProxy network = DroppingProxy.to(URI.create(url).getPort())) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 1000));
            page.navigate("http://127.0.0.1:" + network.port() + "/");
            assertThat(page.locator("#status")).hasText("live", new LocatorAssertions.HasTextOptions()
                    .setTimeout(30_000));
            Locator shown = page.locator("#column-north-korea .card").first();
            assertThat(shown).containsText("N. Korea", SOON);
            // A mark on a card that is there now: a snapshot would rebuild the columns and lose it; resuming does not.
            shown.evaluate("card => card.dataset.mark = 'before the cut'");

            network.cut();
            assertThat(page.locator("#status")).hasText("reconnecting", new LocatorAssertions.HasTextOptions()
                    .setTimeout(30_000));
            send(dispatch("N. Korea test-fires cruise missiles while the page is away",
                    "North Korea fired several cruise missiles into the Yellow Sea on Friday, the Joint Chiefs of "
                            + "Staff said."));
            await("the pipeline has routed it").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> body(url, "api/recent").contains("while the page is away"));
            network.mend();

            assertThat(page.locator("#column-north-korea .card").first())
                    .containsText("N. Korea test-fires cruise missiles while the page is away", SOON);
            assertThat(page.locator("#status")).hasText("live");
            // The page resumed from its last event: the cards it had are the same elements.
            assertThat(page.locator("#column-north-korea .card[data-mark='before the cut']")).hasCount(1);
            assertThat(page.locator("#notice")).isHidden();
            page.close();
        }
    }

    @Test
    @Order(4)
    void shouldTellAViewerOneTooManyThatTheServerIsFullThenLetItInWhenThereIsRoom() throws Exception {
        List<Socket> holders = new ArrayList<>();
        try {
            int watching = viewers();
            while (watching + holders.size() < MAX_VIEWERS) {
                holders.add(openStream());
            }
            await("every place is taken").atMost(Duration.ofSeconds(30)).until(() -> viewers() == MAX_VIEWERS);

            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 1000));
            page.navigate(url);
            assertThat(page.locator("#notice")).containsText("the most this server serves; this page tries again",
                    SOON);
            assertThat(page.locator("#status")).hasText("full");
            assertThat(get("/metrics")).containsPattern("wirestream_dashboard_viewers_refused_total [1-9]");

            holders.remove(0).close();
            // The server sees the closed stream at its next write (a keep-alive within 15 s); the page comes back
            // by itself 10 to 20 s after it was refused.
            assertThat(page.locator("#status")).hasText("live", new LocatorAssertions.HasTextOptions()
                    .setTimeout(60_000));
            assertThat(page.locator("#notice")).isHidden();
            page.close();
        } finally {
            for (Socket holder : holders) {
                holder.close();
            }
        }
    }

    /** The live streams open, from the metrics. */
    private static int viewers() throws Exception {
        Matcher m = Pattern.compile("(?m)^wirestream_dashboard_viewers (\\d+)").matcher(get("/metrics"));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A live stream held open by a plain socket, its answer's head read. */
    private static Socket openStream() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(url).getPort());
        socket.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] head = new byte[15];
        assertThat(socket.getInputStream().readNBytes(head, 0, head.length)).isEqualTo(head.length);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
        return socket;
    }

    private static String get(String path) throws Exception {
        return get(url, path);
    }

    private static String get(String base, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base)
                .resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        return response.body();
    }

    /** Each column's total over the last hour, from the counts API. */
    private static Map<String, Long> totals(String base) throws Exception {
        Map<String, Long> totals = new java.util.TreeMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body(base, "api/counts?minutes=60")).path("series")
                .forEach(series -> totals.put(series.path("column").asText(), series.path("total").asLong()));
        return totals;
    }

    /** The body whatever the status: for awaiting something that answers 503 until it is ready. */
    private static String body(String base, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void send(String text) throws Exception {
        producer.send(new ProducerRecord<>("raw-feed", text.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static void send(String key, String text) throws Exception {
        producer.send(new ProducerRecord<>("raw-feed", key.getBytes(StandardCharsets.UTF_8),
                text.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static String dispatch(String headline, String lead) {
        return headline + "\n\nSEOUL, Nov. 27 (Yonhap) -- " + lead + "\n\nMore details were not immediately "
                + "available.\n\n(END)\n";
    }
}
