package org.policysearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
