package org.policysearch.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * One Elasticsearch node for fault tests, launched exactly as the service launches its managed node (same
 * distribution, analysis plugin, unprivileged account, parent-death signal) on a loopback HTTP port fixed before
 * the first start, so {@link #restart()} brings it back at the same address on the same data directory.
 *
 * <p>{@link #kill()} is a crash, not a shutdown: SIGKILL to the whole process tree, no chance to flush.
 */
public final class TestNode implements AutoCloseable {

    static final String HEAP = "512m";
    /**
     * Three nodes starting side by side on a two-core machine that other builds share can take minutes to report
     * healthy; the service's default is sized for one node on an idle machine.
     */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);

    private final String name;
    private final Path baseDir;
    private final int httpPort;
    private final ManagedElasticsearch node;

    TestNode(String name, Path baseDir, int httpPort, Map<String, String> settings) {
        this.name = name;
        this.baseDir = baseDir.toAbsolutePath();
        this.httpPort = httpPort;
        this.node = new ManagedElasticsearch(properties(httpPort, settings), this.baseDir);
    }

    /**
     * A single-node cluster on a free loopback port, started on an empty data directory (the unpacked
     * distribution under {@code baseDir} is kept between runs).
     */
    public static TestNode standalone(Path baseDir) throws IOException {
        TestNode node = new TestNode(
                "standalone", baseDir, freeLoopbackPort(), Map.of("cluster.name", "policy-search-test-standalone"));
        node.wipeData();
        node.start();
        return node;
    }

    /** Starts the node and blocks until the cluster it belongs to reports yellow health. */
    public void start() throws IOException {
        node.start();
    }

    /** SIGKILL to the node's launcher and server JVM at once; returns when all of them are gone. */
    public void kill() {
        List<ProcessHandle> tree = node.processes();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Starts the node again on the same port and data directory, e.g. after {@link #kill()}. */
    public void restart() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException(name + " is still running");
        }
        start();
    }

    public boolean isRunning() {
        return node.isRunning();
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The node's process tree, for tests that check nothing is left behind. */
    public List<ProcessHandle> processes() {
        return node.processes();
    }

    /** Stops the node gracefully; a node that was killed is left as it is. */
    @Override
    public void close() {
        node.close();
    }

    void wipeData() throws IOException {
        FileTrees.deleteRecursively(baseDir.resolve("data"));
    }

    /** The service's own defaults (version, distribution lookup, account, timeouts) with test-sized overrides. */
    private static ManagedElasticsearchProperties properties(int httpPort, Map<String, String> settings) {
        ManagedElasticsearchProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("policy.elasticsearch.managed", Bindable.of(ManagedElasticsearchProperties.class));
        Map<String, String> all = new HashMap<>();
        // A test must not turn read-only because the shared build machine's disk is filling up.
        all.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        all.putAll(settings);
        return new ManagedElasticsearchProperties(
                true,
                defaults.version(),
                defaults.distribution(),
                defaults.repository(),
                HEAP,
                httpPort,
                defaults.javaHome(),
                STARTUP_TIMEOUT,
                defaults.runAs(),
                all);
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
