package io.wirestream.bench;

import io.wirestream.embedded.ChildProcesses;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this JVM's own class path (the shaded jar, when the bench runs from it): the pipeline, the copy
 * that is its limit, Kafka's latency tool. Each runs in its own process so that its memory can be measured alone
 * and none shares a heap or a garbage collector with the broker. Its stdout is kept line by line, its stderr goes
 * to a file.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final String name;
    private final Path stderr;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;
    /** Stops the child if the bench ends first (Ctrl-C): none is left running against a broker that is gone. */
    private final Thread reaper;

    private JavaProcess(Process process, String name, Path stderr) {
        this.process = process;
        this.name = name;
        this.stderr = stderr;
        this.reaper = new Thread(process::destroyForcibly, name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        this.reader = new Thread(this::readLines, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args}; {@code jvmOptions} go before the class. */
    static JavaProcess start(String name, List<String> jvmOptions, String mainClass, List<String> args, Path dir)
            throws IOException {
        return start(name, List.of(), jvmOptions, mainClass, args, dir);
    }

    /**
     * As {@link #start}, at the lowest CPU priority ({@code nice -n 19}): a load's own client, which should have only
     * what the measured processes leave of the machine's cores, as it would on a machine of its own.
     */
    static JavaProcess startNiced(String name, List<String> jvmOptions, String mainClass, List<String> args, Path dir)
            throws IOException {
        return start(name, List.of("nice", "-n", "19"), jvmOptions, mainClass, args, dir);
    }

    private static JavaProcess start(String name, List<String> launcher, List<String> jvmOptions, String mainClass,
            List<String> args, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(launcher);
        command.add(ChildProcesses.javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(args);
        Path stderr = dir.resolve(name + ".stderr.log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new JavaProcess(process, name, stderr);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout closed: " + e + ")");
        }
    }

    /** Waits for a line of stdout that contains {@code wanted}; fails with what was printed when it does not come. */
    String awaitLine(String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(wanted)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                throw new IllegalStateException(failure("exited with code " + process.exitValue() + " before printing '"
                        + wanted + "'"));
            }
        }
        throw new IllegalStateException(failure("did not print '" + wanted + "' within " + timeout.toSeconds() + " s"));
    }

    /** Writes {@code line} to the process's stdin, at once. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for the process to end by itself; its stdout, all of it. */
    List<String> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(failure("did not finish within " + timeout.toSeconds() + " s"));
        }
        reader.join(Duration.ofSeconds(10).toMillis()); // it may still be draining the pipe
        lines.drainTo(seen);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(failure("exited with code " + process.exitValue()));
        }
        return List.copyOf(seen);
    }

    private String failure(String what) {
        String log;
        try {
            List<String> all = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            log = String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        } catch (IOException e) {
            log = "(no stderr: " + e + ")";
        }
        return name + " " + what + "; its output:\n" + String.join("\n", seen) + "\nits stderr (" + stderr + "), last "
                + "lines:\n" + log;
    }

    /** Fails, with what it printed, when the process has ended. */
    void requireAlive() {
        if (!process.isAlive()) {
            lines.drainTo(seen);
            throw new IllegalStateException(failure("exited with code " + process.exitValue()));
        }
    }

    long pid() {
        return process.pid();
    }

    /** The CPU time the process has used so far, user and system, in seconds; NaN where /proc has none. */
    double cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    /** The CPU time process {@code pid} has used, user and system, in seconds, from /proc; NaN where there is none. */
    static double cpuSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The CPU time so far of the process's threads whose name starts with one of {@code prefixes}, in seconds (Linux
     * keeps a thread's first 15 characters); a thread that has ended is no longer counted. NaN where /proc has none.
     */
    double threadCpuSeconds(String... prefixes) {
        double sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()),
                "task"))) {
            for (Path task : tasks) {
                sum += taskCpuSeconds(task, prefixes);
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return sum;
    }

    private static double taskCpuSeconds(Path task, String... prefixes) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return ticks(Files.readString(task.resolve("stat")));
                }
            }
        } catch (IOException e) {
            // The thread ended meanwhile.
        }
        return 0;
    }

    /** User and system time from a {@code stat} line of /proc, in seconds. */
    private static double ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
    }

    /** The process's peak resident set size (VmHWM in /proc), in bytes; -1 where /proc has none (not Linux). */
    long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone.
        }
        return -1;
    }

    /** Stops the process as Ctrl-C would (SIGTERM), then by force after 30 seconds. */
    @Override
    public void close() {
        ChildProcesses.stop(process, reaper, Duration.ofSeconds(30));
    }


    /** This JVM's class path, absolute, so that a child started anywhere finds the same classes. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
