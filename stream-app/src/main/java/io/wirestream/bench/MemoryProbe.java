package io.wirestream.bench;

import io.wirestream.embedded.ChildProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a child JVM, from outside: its garbage collector's log (unified logging, {@code -Xlog:gc}, which
 * any JVM writes without tools), a full collection asked for through {@code jcmd} (in the JDK's bin, beside
 * {@code java}) to find the live heap, and the kernel's peak resident set size.
 */
final class MemoryProbe {

    /** {@code ... Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(64M) 3.1ms}: used before, after (committed). */
    private static final Pattern PAUSE = Pattern.compile("Pause.* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** How G1 names the full collection that jcmd GC.run asks for. */
    private static final Pattern REQUESTED = Pattern.compile("Pause Full \\((Diagnostic Command|System.gc\\(\\))\\)");

    /**
     * @param liveHeap  heap in use after a full collection at the end of the loaded phases (-1: jcmd missing)
     * @param peakHeap  the most heap in use before any collection, over the process's life
     * @param peakRss   the kernel's high-water mark of the process's resident memory (-1: not Linux)
     */
    record Memory(long liveHeap, long peakHeap, long peakRss) {
    }

    private final Path gcLog;

    MemoryProbe(Path gcLog) {
        this.gcLog = gcLog;
    }

    /** The JVM options that make the child write the log this probe reads. */
    List<String> jvmOptions() {
        return List.of("-Xlog:gc:file=" + gcLog.toAbsolutePath() + ":timemillis"); // Stamped, to set beside events.
    }

    /** Measures {@code process}, which must still run. */
    Memory measure(JavaProcess process) throws IOException, InterruptedException {
        long peakRss = process.peakRss();
        long peakHeap = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                peakHeap = Math.max(peakHeap, bytes(m.group(1), m.group(2)));
            }
        }
        return new Memory(liveHeap(process), peakHeap, peakRss);
    }

    /** Asks for a full collection and reads the heap left after it; -1 without jcmd. */
    private long liveHeap(JavaProcess process) throws IOException, InterruptedException {
        Path jcmd = Path.of(ChildProcesses.javaBinary()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            return -1;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(gcLog, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = PAUSE.matcher(lines.get(i));
                if (REQUESTED.matcher(lines.get(i)).find() && m.find()) {
                    return bytes(m.group(3), m.group(4));
                }
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        switch (unit) {
            case "G": return value << 30;
            case "M": return value << 20;
            default: return value << 10;
        }
    }
}
