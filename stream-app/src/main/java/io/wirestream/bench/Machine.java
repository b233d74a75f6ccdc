package io.wirestream.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a run was on, for the report: cores, processor, memory, JDK, system, and the load average before and
 * after (other work on a shared machine shows there).
 *
 * @param loadBefore  the one-minute load average when the run started; negative where the system has none
 * @param loadAfter   the same when it ended
 */
record Machine(int cores, String cpu, long memoryBytes, String jdk, String os, double loadBefore, double loadAfter) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpu(), totalMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                loadAverage(), -1);
    }

    Machine ended() {
        return new Machine(cores, cpu, memoryBytes, jdk, os, loadBefore, loadAverage());
    }

    String summary() {
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB RAM, %s, %s", cores, cpu,
                memoryBytes / (double) (1L << 30), jdk, os);
    }

    private static String readCpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown processor");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
