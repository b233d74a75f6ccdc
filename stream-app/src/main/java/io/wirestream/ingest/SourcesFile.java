package io.wirestream.ingest;

import io.wirestream.config.Durations;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.format.Format;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a sources file: YAML, a list under {@code sources}, each entry a {@code url} or a {@code path} with an
 * optional {@code name}, {@code interval}, {@code format}, {@code done} (drop folders: move read files to
 * {@code done/}) and {@code auth}:
 * <pre>
 * sources:
 *   - name: agency-rss
 *     url: https://example.com/news.rss
 *     interval: 2m
 *   - url: https://api.example.com/items
 *     format: ninjs
 *     auth: {bearer: AGENCY_TOKEN}                  # the variable that holds the token
 *   - url: https://feeds.example.com/wire.atom
 *     auth: {user: FEED_USER, password: FEED_PASS}  # basic; the variables that hold them
 *   - path: /srv/ftp/drop
 *     done: true
 * </pre>
 * Unknown keys are refused, so that a typo fails at start rather than being ignored.
 */
public final class SourcesFile {

    private static final Set<String> ENTRY_KEYS = Set.of("name", "url", "path", "interval", "format", "done", "auth");
    private static final Set<String> AUTH_KEYS = Set.of("bearer", "user", "password");
    /** Far beyond any sources file; bounds what a hostile one can make SnakeYAML build. */
    private static final int MAX_ALIASES = 50;

    private SourcesFile() {
    }

    /**
     * Every source to poll: those of the sources file, if one is set, then those named on the command line (URLs
     * and folders); IllegalArgumentException when there are none, or two share a name.
     *
     * @param moveToDone whether the folders named on the command line move what they read to {@code done/}
     */
    public static List<Source> resolve(WirestreamConfig.Ingest settings, List<String> arguments, boolean moveToDone,
            Map<String, String> env) throws IOException {
        List<Source> sources = new ArrayList<>();
        if (settings.sources() != null) {
            sources.addAll(load(settings.sources(), settings.interval(), env));
        }
        Set<String> names = new HashSet<>();
        sources.forEach(source -> names.add(source.name()));
        for (String argument : arguments) {
            Source source = Source.of(argument, settings.interval(), moveToDone);
            if (!names.add(source.name())) {
                throw new IllegalArgumentException("the source " + argument + " is named twice");
            }
            sources.add(source);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources: name URLs or folders, or give a sources file");
        }
        return sources;
    }

    /**
     * The sources of {@code file}; IllegalArgumentException naming the file, the entry and the problem.
     *
     * @param interval the interval of entries that name none
     * @param env      where the credentials' variables are looked up
     */
    public static List<Source> load(Path file, Duration interval, Map<String, String> env) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text, interval, env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Source> parse(String yaml, Duration interval, Map<String, String> env) {
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setAllowDuplicateKeys(false);
            tree = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> root) || !(root.get("sources") instanceof List<?> entries)) {
            throw new IllegalArgumentException("expected a list under 'sources:'");
        }
        if (root.size() != 1) {
            throw new IllegalArgumentException("only 'sources:' is read at the top, found " + root.keySet());
        }
        List<Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "sources[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + ": expected url: or path: and its settings");
            }
            Source source = entry(entry, where, interval, env);
            if (!names.add(source.name())) {
                throw new IllegalArgumentException(where + ": another source is named '" + source.name() + "'");
            }
            sources.add(source);
        }
        return sources;
    }

    private static Source entry(Map<?, ?> entry, String where, Duration defaultInterval, Map<String, String> env) {
        checkKeys(entry, ENTRY_KEYS, where);
        String url = text(entry, "url", where);
        String path = text(entry, "path", where);
        if ((url == null) == (path == null)) {
            throw new IllegalArgumentException(where + ": give url: or path:, one of them");
        }
        if (url != null) {
            try {
                Source.refuseCredentials(URI.create(url), where + ": url:");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                        : where + ": url: is not a URL");
            }
        }
        String name = text(entry, "name", where);
        name = name != null ? name : url != null ? url : path;
        where = where + " (" + name + ")";
        Duration interval = defaultInterval;
        String every = text(entry, "interval", where);
        if (every != null) {
            try {
                interval = Durations.parse(every);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": interval: " + e.getMessage());
            }
        }
        Format format = null;
        String formatId = text(entry, "format", where);
        if (formatId != null) {
            format = Format.fromId(formatId);
            if (format == null) {
                throw new IllegalArgumentException(where + ": format must be one of " + Format.ids() + ", was '"
                        + formatId + "'");
            }
        }
        Object done = entry.get("done");
        if (done != null && !(done instanceof Boolean)) {
            throw new IllegalArgumentException(where + ": done must be true or false");
        }
        if (url != null && done != null) {
            throw new IllegalArgumentException(where + ": done: is for drop folders (path:)");
        }
        Auth auth = auth(entry.get("auth"), where, env);
        if (path != null && auth != Auth.NONE) {
            throw new IllegalArgumentException(where + ": auth: is for URLs");
        }
        try {
            return new Source(name, url == null ? null : URI.create(url), path == null ? null : Path.of(path),
                    interval, format, auth, Boolean.TRUE.equals(done));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Auth auth(Object value, String where, Map<String, String> env) {
        if (value == null) {
            return Auth.NONE;
        }
        if (!(value instanceof Map<?, ?> auth)) {
            throw new IllegalArgumentException(where + ": auth: takes {bearer: VARIABLE} or {user: VARIABLE, "
                    + "password: VARIABLE}");
        }
        checkKeys(auth, AUTH_KEYS, where + " auth");
        String bearer = text(auth, "bearer", where);
        String user = text(auth, "user", where);
        String password = text(auth, "password", where);
        try {
            if (bearer != null && user == null && password == null) {
                return Auth.bearer(bearer, env);
            }
            if (bearer == null && user != null && password != null) {
                return Auth.basic(user, password, env);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        throw new IllegalArgumentException(where + ": auth: takes bearer: alone, or user: and password: together "
                + "(each the name of an environment variable)");
    }

    private static void checkKeys(Map<?, ?> map, Set<String> known, String where) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException(where + ": " + key + " must be a plain value");
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }
}
