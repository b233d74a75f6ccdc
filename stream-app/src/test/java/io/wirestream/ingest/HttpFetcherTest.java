package io.wirestream.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.wirestream.config.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ingest's HTTP client against a real HTTP server on loopback. */
class HttpFetcherTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title><item><guid>a</guid>"
            + "<title>A</title></item></channel></rss>";
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .gzipDisabled(true));
    private final HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(10), 4096, HttpFetcher.userAgent(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void shouldReturnTheBodyAndItsValidatorsOn200AndNameWirestreamAsTheUserAgent() {
        // Given a feed with an ETag and a Last-Modified
        server.stubFor(get("/feed").willReturn(ok(FEED).withHeader("Content-Type", "application/rss+xml")
                .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Sat, 05 Dec 2026 11:00:00 GMT")));

        // When it is fetched for the first time
        Fetch fetch = fetcher.fetch(url("/feed"), Fetch.Validators.NONE, Auth.NONE);

        // Then the body comes with what to send next time, and the request said who polls, without conditions
        assertThat(fetch).isInstanceOfSatisfying(Fetch.Body.class, body -> {
            assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(FEED);
            assertThat(body.contentType()).isEqualTo("application/rss+xml");
            assertThat(body.validators()).isEqualTo(new Fetch.Validators("\"v1\"", "Sat, 05 Dec 2026 11:00:00 GMT"));
        });
        server.verify(getRequestedFor(urlEqualTo("/feed")).withHeader("User-Agent", matching("wirestream/.+"))
                .withHeader("Accept-Encoding", equalTo("gzip")).withHeader("If-None-Match", absent())
                .withHeader("Authorization", absent()));
    }

    @Test
    void shouldSendTheValidatorsBackAndTakeA304AsNothingNew() {
        // Given a server that answers 304 to the validators it gave
        server.stubFor(get("/feed").withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Sat, 05 Dec 2026 11:00:00 GMT")).willReturn(status(304)));
        server.stubFor(get("/feed").withHeader("If-None-Match", absent()).willReturn(ok(FEED)));

        // When it is polled with them
        Fetch fetch = fetcher.fetch(url("/feed"), new Fetch.Validators("\"v1\"", "Sat, 05 Dec 2026 11:00:00 GMT"),
                Auth.NONE);

        // Then nothing changed
        assertThat(fetch).isInstanceOf(Fetch.NotModified.class);
    }

    @Test
    void shouldFailOn500AndReadTheFeedOnceTheServerRecovers() {
        // Given a server that fails once, then answers
        server.stubFor(get("/feed").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("<h1>Internal Server Error</h1>")).willSetStateTo("up"));
        server.stubFor(get("/feed").inScenario("outage").whenScenarioStateIs("up").willReturn(ok(FEED)));

        // When it is polled twice
        Fetch first = fetcher.fetch(url("/feed"), Fetch.Validators.NONE, Auth.NONE);
        Fetch second = fetcher.fetch(url("/feed"), Fetch.Validators.NONE, Auth.NONE);

        // Then the first poll is a failure to retry, without a Retry-After, and the second reads the feed
        assertThat(first).isEqualTo(new Fetch.Failed("HTTP 500", null));
        assertThat(second).isInstanceOf(Fetch.Body.class);
    }

    @Test
    void shouldTakeTheRetryAfterOf429AndOf503AsAFloorOfTheBackoff() {
        // Given a server that is rate-limiting in seconds, and one that is down until a date
        server.stubFor(get("/busy").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("<html><body>" + "slow down ".repeat(1000) + "</body></html>")));
        server.stubFor(get("/down").willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "Sat, 05 Dec 2026 13:00:00 GMT")));

        // When each is polled
        Fetch busy = fetcher.fetch(url("/busy"), Fetch.Validators.NONE, Auth.NONE);
        Fetch down = fetcher.fetch(url("/down"), Fetch.Validators.NONE, Auth.NONE);

        // Then each failure carries how long the server asked to wait, which the backoff waits at least
        assertThat(busy).isEqualTo(new Fetch.Failed("HTTP 429 (too many requests)", Duration.ofSeconds(120)));
        assertThat(down).isEqualTo(new Fetch.Failed("HTTP 503 (unavailable)", Duration.ofHours(1)));
        Duration delay = Backoff.delay(1, Duration.ofSeconds(30), ((Fetch.Failed) busy).retryAfter(),
                RandomGenerator.of("L64X128MixRandom"));
        assertThat(delay).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void shouldGiveUpOnAnAnswerThatDoesNotComeWithinTheTimeout() {
        // Given a server that answers after five seconds, and a client that waits 300 ms
        server.stubFor(get("/slow").willReturn(ok(FEED).withFixedDelay(5_000)));
        HttpFetcher impatient = new HttpFetcher(Duration.ofMillis(300), 4096, "test", Clock.systemUTC());

        // When it is polled
        Fetch fetch = impatient.fetch(url("/slow"), Fetch.Validators.NONE, Auth.NONE);

        // Then it is a failure to retry, not a wait
        assertThat(fetch).isInstanceOfSatisfying(Fetch.Failed.class,
                failed -> assertThat(failed.problem()).startsWith("no complete answer within"));
    }

    @Test
    void shouldGiveUpOnABodyThatTricklesInPastTheTimeout() {
        // Given a server whose headers come at once and whose body takes five seconds
        server.stubFor(get("/trickle").willReturn(ok(FEED).withChunkedDribbleDelay(10, 5_000)));
        HttpFetcher impatient = new HttpFetcher(Duration.ofMillis(500), 4096, "test", Clock.systemUTC());

        // When it is polled
        Fetch fetch = impatient.fetch(url("/trickle"), Fetch.Validators.NONE, Auth.NONE);

        // Then the deadline covers the body too
        assertThat(fetch).isInstanceOf(Fetch.Failed.class);
    }

    @Test
    void shouldFollowRedirectsAndSendCredentialsOnlyToTheirOrigin() {
        // Given a feed that moved to another origin, and one that moved on the same origin
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(get("/elsewhere").willReturn(ok(FEED)));
            server.stubFor(get("/moved").willReturn(aResponse().withStatus(301)
                    .withHeader("Location", other.baseUrl() + "/elsewhere")));
            server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/feed")
                    .withBody("<p>Found <a href=\"/feed\">here</a></p>")));
            server.stubFor(get("/feed").willReturn(ok(FEED)));
            Auth auth = new Auth(Secret.of("Bearer s3cret"), "bearer token from $T");

            // When each is polled with credentials
            Fetch moved = fetcher.fetch(url("/moved"), Fetch.Validators.NONE, auth);
            Fetch old = fetcher.fetch(url("/old"), Fetch.Validators.NONE, auth);

            // Then both arrive, the credentials going to the origin they were given for and nowhere else
            assertThat(moved).isInstanceOf(Fetch.Body.class);
            assertThat(old).isInstanceOf(Fetch.Body.class);
            other.verify(getRequestedFor(urlEqualTo("/elsewhere")).withHeader("Authorization", absent()));
            server.verify(getRequestedFor(urlEqualTo("/feed")).withHeader("Authorization", equalTo("Bearer s3cret")));
        } finally {
            other.stop();
        }
    }

    @Test
    void shouldStopFollowingARedirectLoop() {
        // Given a redirect to itself
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(307).withHeader("Location", "/loop")));

        // When it is polled
        Fetch fetch = fetcher.fetch(url("/loop"), Fetch.Validators.NONE, Auth.NONE);

        // Then it is a failure after a few hops, not a hang
        assertThat(fetch).isEqualTo(new Fetch.Failed("more than 5 redirects", null));
    }

    @Test
    void shouldInflateAGzippedBodyAndRefuseOneThatInflatesPastTheLimit() throws IOException {
        // Given a gzipped feed, and a small gzipped body that inflates to more than the limit
        server.stubFor(get("/gzip").willReturn(ok().withHeader("Content-Encoding", "gzip")
                .withBody(gzip(FEED.getBytes(StandardCharsets.UTF_8)))));
        server.stubFor(get("/bomb").willReturn(ok().withHeader("Content-Encoding", "gzip")
                .withBody(gzip(new byte[100_000]))));

        // When each is polled
        Fetch gzipped = fetcher.fetch(url("/gzip"), Fetch.Validators.NONE, Auth.NONE);
        Fetch bomb = fetcher.fetch(url("/bomb"), Fetch.Validators.NONE, Auth.NONE);

        // Then the first is the feed's own bytes, the second refused
        assertThat(gzipped).isInstanceOfSatisfying(Fetch.Body.class,
                body -> assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(FEED));
        assertThat(bomb).isInstanceOfSatisfying(Fetch.Failed.class,
                failed -> assertThat(failed.problem()).contains("inflates past the limit of 4096 bytes"));
    }

    @Test
    void shouldRefuseABodyLargerThanTheLimitWhetherItsLengthIsDeclaredOrNot() {
        // Given a large body with a Content-Length, and one sent in chunks without
        byte[] large = new byte[10_000];
        server.stubFor(get("/declared").willReturn(ok().withBody(large)));
        server.stubFor(get("/chunked").willReturn(ok().withBody(large).withChunkedDribbleDelay(4, 50)));

        // When each is polled
        Fetch declared = fetcher.fetch(url("/declared"), Fetch.Validators.NONE, Auth.NONE);
        Fetch chunked = fetcher.fetch(url("/chunked"), Fetch.Validators.NONE, Auth.NONE);

        // Then both are failures naming the limit
        assertThat(declared).isInstanceOfSatisfying(Fetch.Failed.class,
                failed -> assertThat(failed.problem()).contains("larger than the limit of 4096 bytes"));
        assertThat(chunked).isInstanceOfSatisfying(Fetch.Failed.class,
                failed -> assertThat(failed.problem()).contains("larger than the limit of 4096 bytes"));
    }

    @Test
    void shouldTakeARefusedConnectionAsAFailureToRetry() {
        // Given a server that is gone
        URI gone = url("/feed");
        server.stop();

        // When it is polled
        Fetch fetch = fetcher.fetch(gone, Fetch.Validators.NONE, Auth.NONE);

        // Then it is a failure value, not an exception
        assertThat(fetch).isInstanceOf(Fetch.Failed.class);
    }

    @Test
    void shouldKeepCredentialsOutOfWhatDescribesASource() {
        // Given a source with a bearer token from the environment
        Auth auth = Auth.bearer("AGENCY_TOKEN", Map.of("AGENCY_TOKEN", "t0p-s3cret"));
        Source source = new Source("agency", url("/feed"), null, Duration.ofMinutes(1), null, auth, false);

        // When it is described, as logs and errors do
        String described = source + " " + auth + " " + source.location();

        // Then the token is not in it, only where it came from
        assertThat(described).doesNotContain("t0p-s3cret").contains("$AGENCY_TOKEN");
        assertThat(auth.header().reveal()).isEqualTo("Bearer t0p-s3cret");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
