package io.wirestream.ingest;

import io.wirestream.format.Format;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One place items come from: an {@code http(s)} URL (an RSS or Atom feed, or an endpoint answering one ninjs or
 * NewsML-G2 item or a list of them) or a drop folder.
 *
 * @param name       how logs, metrics and the {@code wirestream.source} header name it; unique among the sources
 * @param url        the URL polled; null for a drop folder
 * @param folder     the drop folder; null for a URL
 * @param interval   how often it is polled
 * @param format     the format of what it gives, overriding sniffing; null to sniff each document
 * @param auth       credentials for a URL; {@link Auth#NONE} for none
 * @param moveToDone a drop folder's files are moved to its {@code done/} once their items are committed
 */
public record Source(String name, URI url, Path folder, Duration interval, Format format, Auth auth,
        boolean moveToDone) {

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(auth, "auth");
        if ((url == null) == (folder == null)) {
            throw new IllegalArgumentException("source " + name + ": a url or a path, and not both");
        }
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("source " + name + ": '" + url + "' is not an http(s) URL");
            }
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("source " + name + ": the interval must be more than 0");
        }
    }

    /**
     * A source named on the command line: an {@code http(s)} URL, else a directory.
     *
     * @param argument the URL or path as given, which also names it
     */
    public static Source of(String argument, Duration interval, boolean moveToDone) {
        String lower = argument.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI url = URI.create(argument);
            refuseCredentials(url, "a URL given as a SOURCE");
            return new Source(argument, url, null, interval, null, Auth.NONE, false);
        }
        return new Source(argument, null, Path.of(argument), interval, null, Auth.NONE, moveToDone);
    }

    /**
     * Refuses a URL with a user and password in it: the URL names the source in logs, metrics and headers, so
     * credentials go in a sources file's {@code auth:} (from environment variables). The message never shows it.
     */
    public static void refuseCredentials(URI url, String where) {
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(where + " carries credentials (user:password@): they would be logged; "
                    + "give them in a sources file's auth: instead, from environment variables");
        }
    }

    public boolean isFolder() {
        return folder != null;
    }

    /** Where it is, for people: the URL or the folder; never a credential (those are never in the URL here). */
    public String location() {
        return url != null ? url.toString() : folder.toString();
    }
}
