package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.format.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sources file: each entry read with its settings, typos refused, credentials from the environment. */
class SourcesFileTest {

    private static final Duration DEFAULT = Duration.ofMinutes(5);
    private static final Map<String, String> ENV = Map.of("AGENCY_TOKEN", "tok-123", "FEED_USER", "ann",
            "FEED_PASS", "pa55");

    @Test
    void shouldReadUrlsAndFoldersWithTheirIntervalFormatAuthAndDone() {
        // Given a sources file with a feed, an authenticated endpoint, a basic-auth feed and a drop folder
        String yaml = """
                sources:
                  - name: agency-rss
                    url: https://example.com/news.rss
                    interval: 2m
                  - url: https://api.example.com/items
                    format: ninjs
                    auth: {bearer: AGENCY_TOKEN}
                  - url: https://feeds.example.com/wire.atom
                    auth: {user: FEED_USER, password: FEED_PASS}
                  - path: /srv/ftp/drop
                    done: true
                """;

        // When it is parsed
        List<Source> sources = SourcesFile.parse(yaml, DEFAULT, ENV);

        // Then each entry is a source with its own settings, and the defaults elsewhere
        assertThat(sources).extracting(Source::name).containsExactly("agency-rss", "https://api.example.com/items",
                "https://feeds.example.com/wire.atom", "/srv/ftp/drop");
        assertThat(sources).extracting(Source::interval).containsExactly(Duration.ofMinutes(2), DEFAULT, DEFAULT,
                DEFAULT);
        assertThat(sources.get(1).format()).isEqualTo(Format.NINJS);
        assertThat(sources.get(1).auth().header().reveal()).isEqualTo("Bearer tok-123");
        assertThat(sources.get(2).auth().header().reveal()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ann:pa55".getBytes(StandardCharsets.UTF_8)));
        assertThat(sources.get(3).folder()).isEqualTo(Path.of("/srv/ftp/drop"));
        assertThat(sources.get(3).moveToDone()).isTrue();
        assertThat(sources.get(0).auth()).isEqualTo(Auth.NONE);
    }

    @Test
    void shouldNeverShowACredentialInWhatDescribesTheSources() {
        // Given sources with a bearer token and a basic password
        List<Source> sources = SourcesFile.parse("""
                sources:
                  - url: https://api.example.com/items
                    auth: {bearer: AGENCY_TOKEN}
                  - url: https://feeds.example.com/wire.atom
                    auth: {user: FEED_USER, password: FEED_PASS}
                """, DEFAULT, ENV);

        // When they are described, as a log line would
        String described = sources.toString();

        // Then the variables are named and the values absent
        assertThat(described).contains("$AGENCY_TOKEN", "$FEED_USER", "$FEED_PASS")
                .doesNotContain("tok-123", "pa55", Base64.getEncoder().encodeToString("ann:pa55".getBytes(
                        StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRefuseAMissingVariableByNameWithoutGuessingAtItsValue() {
        // Given an entry whose token variable is not set
        String yaml = "sources:\n  - url: https://api.example.com/items\n    auth: {bearer: MISSING_TOKEN}\n";

        // When it is parsed, Then the error names the entry and the variable
        assertThatThrownBy(() -> SourcesFile.parse(yaml, DEFAULT, ENV)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sources[0]").hasMessageContaining("MISSING_TOKEN");
    }

    @Test
    void shouldRefuseCredentialsInAUrlWithoutRepeatingThem() {
        // Given a URL with a user and password in it, in a file and on the command line
        String yaml = "sources:\n  - url: https://ann:pa55word@feeds.example.com/wire.atom\n";

        // When each is read, Then each is refused, pointing at auth:, and the password is not in the message
        assertThatThrownBy(() -> SourcesFile.parse(yaml, DEFAULT, ENV)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sources[0]").hasMessageContaining("auth:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55word"));
        assertThatThrownBy(() -> Source.of("https://ann:pa55word@feeds.example.com/wire.atom", DEFAULT, false))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55word"));
    }

    @Test
    void shouldRefuseTyposAndContradictionsNamingTheEntry() {
        // Given entries with an unknown key, both a url and a path, a bad interval, an unknown format, a
        // duplicated name, a non-http URL and done: on a URL
        List<String> bad = List.of(
                "sources:\n  - url: https://a.example/x\n    intervall: 2m\n",
                "sources:\n  - url: https://a.example/x\n    path: /tmp\n",
                "sources:\n  - url: https://a.example/x\n    interval: soon\n",
                "sources:\n  - url: https://a.example/x\n    format: pdf\n",
                "sources:\n  - {name: a, url: https://a.example/x}\n  - {name: a, path: /tmp}\n",
                "sources:\n  - url: ftp://a.example/x\n",
                "sources:\n  - url: https://a.example/x\n    done: true\n",
                "feeds: []\n");

        // When each is parsed, Then each is refused with a message that says where
        for (String yaml : bad) {
            assertThatThrownBy(() -> SourcesFile.parse(yaml, DEFAULT, ENV)).as(yaml)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("(?s)(sources\\[\\d].*|expected a list under 'sources:'.*)");
        }
    }
}
