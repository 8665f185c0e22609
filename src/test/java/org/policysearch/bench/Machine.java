package org.policysearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What a benchmark report says about where it ran, and CPU counters to split time between the JVMs. */
public final class Machine {

    private Machine() {}

    /** One line per fact: cores, RAM, OS, JDK, the node's version and heap. */
    public static String describe(ElasticsearchClient client) throws IOException {
        var nodes = client.nodes().info(n -> n.metric("jvm", "os")).nodes().values();
        var node = nodes.iterator().next();
        long heap = node.jvm() == null || node.jvm().mem() == null
                ? -1
                : node.jvm().mem().heapMaxInBytes();
        return String.join(
                "\n",
                "- cores: " + Runtime.getRuntime().availableProcessors() + " (shared with other engineers' builds)",
                "- RAM: " + memTotal(),
                "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                        + ", service/benchmark JVM max heap "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB",
                "- Elasticsearch: " + node.version() + ", one managed node, heap " + heap / (1 << 20) + " MB");
    }

    private static String memTotal() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            return lines.stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1 << 20) + " GB")
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** CPU time this JVM has used, in ms. */
    public static long serviceCpuMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1_000_000;
    }

    /** CPU time the Elasticsearch node has used, in ms. */
    public static long elasticsearchCpuMillis(ElasticsearchClient client) throws IOException {
        return client.nodes().stats(s -> s.metric("process")).nodes().values().stream()
                .mapToLong(n -> n.process().cpu().totalInMillis())
                .sum();
    }

    /** Busy and total jiffies of the whole machine (every process, other engineers' included), from /proc/stat. */
    public static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * Pins every thread of a process (and so the threads it starts later) to the given CPUs, with util-linux's
     * {@code taskset}; an empty list undoes it (every CPU).
     */
    public static void pin(long pid, String cpus) throws IOException, InterruptedException {
        // Not availableProcessors(): a pinned JVM counts only the CPUs it is pinned to.
        String list = cpus.isEmpty()
                ? Files.readString(Path.of("/sys/devices/system/cpu/online")).strip()
                : cpus;
        Process p = new ProcessBuilder("taskset", "-a", "-cp", list, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("taskset failed: " + out);
        }
    }

    /**
     * CPU time (ms) of a process's threads by kind, from {@code /proc/PID/task/}*{@code /stat}: the JIT compilers,
     * the garbage collector and the rest, split further by the thread-name prefixes given (first match wins). Names
     * are the kernel's, cut to 15 characters. Each thread's last reading counts, also after it ended (a pool shut
     * down after a job): poll while it runs.
     */
    public static final class ThreadCpu {

        private final long pid;
        private final List<String> prefixes;
        private final Map<String, String> kinds = new java.util.HashMap<>();
        private final Map<String, Long> last = new java.util.HashMap<>();

        public ThreadCpu(long pid, List<String> prefixes) {
            this.pid = pid;
            this.prefixes = prefixes;
        }

        /** Reads every live thread's CPU time. */
        public synchronized void poll() {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended meanwhile
                    }
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // USER_HZ is 100 on Linux
                    String tid = task.getFileName().toString();
                    kinds.put(tid, kind(comm));
                    last.put(tid, ms);
                }
            } catch (IOException | RuntimeException e) {
                // the process is gone: keep what was read
            }
        }

        private String kind(String comm) {
            for (String p : prefixes) {
                if (comm.startsWith(p)) {
                    return p;
                }
            }
            if (comm.contains("CompilerThre")) {
                return "JIT compiler";
            }
            return comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC" : "other";
        }

        /** CPU ms by kind over every thread read so far. */
        public synchronized Map<String, Long> totals() {
            Map<String, Long> out = new LinkedHashMap<>();
            prefixes.forEach(p -> out.put(p, 0L));
            out.put("JIT compiler", 0L);
            out.put("GC", 0L);
            out.put("other", 0L);
            last.forEach((tid, ms) -> out.merge(kinds.get(tid), ms, Long::sum));
            return out;
        }
    }

    /** The difference of two CPU-by-kind readings. */
    public static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new LinkedHashMap<>();
        after.forEach((k, v) -> out.put(k, Math.max(0, v - before.getOrDefault(k, 0L))));
        return out;
    }

    /** The node's process id. */
    public static long elasticsearchPid(ElasticsearchClient client) throws IOException {
        return Processes.elasticsearchPid(client);
    }

    /**
     * The node's own time accounts (ms): indexing, refresh, merges, flush, search (query + fetch) and get, from
     * {@code _nodes/stats/indices} summed over its indices. Deleted indices take their totals with them, so read
     * a delta before deleting.
     */
    public static Map<String, Long> elasticsearchTimes(ElasticsearchClient client) throws IOException {
        var indices = client.nodes()
                .stats(s -> s.metric("indices"))
                .nodes()
                .values()
                .iterator()
                .next()
                .indices();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("indexing", indices.indexing().indexTimeInMillis());
        out.put("refresh", indices.refresh().totalTimeInMillis());
        out.put("merge", indices.merges().totalTimeInMillis());
        out.put("flush", indices.flush().totalTimeInMillis());
        out.put(
                "search",
                indices.search().queryTimeInMillis() + indices.search().fetchTimeInMillis());
        out.put("get", indices.get().timeInMillis());
        return out;
    }
}
