package org.policysearch.es;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A multi-node Elasticsearch cluster on 127.0.0.1, every node a {@link TestNode} from the same distribution with
 * its own data directory under {@code baseDir/node-N} and fixed HTTP and transport ports, so a killed node can be
 * restarted into the same cluster.
 */
public final class LoopbackCluster implements AutoCloseable {

    /** Nodes start and stop side by side: the common pool may have a single thread on a small machine. */
    private static final Executor ONE_THREAD_EACH = task -> new Thread(task, "loopback-cluster").start();

    private final List<TestNode> nodes;

    private LoopbackCluster(List<TestNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code size} nodes on empty data directories and returns once the cluster has formed. The nodes start
     * concurrently: none reports healthy before a quorum of master-eligible nodes has elected a master.
     */
    public static LoopbackCluster start(int size, Path baseDir) throws IOException {
        List<String> names =
                IntStream.rangeClosed(1, size).mapToObj(i -> "node-" + i).toList();
        List<Integer> transportPorts =
                names.stream().map(n -> TestNode.freeLoopbackPort()).toList();
        String seedHosts = transportPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        List<TestNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TestNode node = new TestNode(
                    names.get(i),
                    baseDir.resolve(names.get(i)),
                    TestNode.freeLoopbackPort(),
                    Map.of(
                            // Applied after the managed node's single-node defaults, so these win.
                            "cluster.name",
                            "policy-search-loopback",
                            "node.name",
                            names.get(i),
                            "transport.port",
                            Integer.toString(transportPorts.get(i)),
                            "discovery.type",
                            "multi-node",
                            "discovery.seed_hosts",
                            seedHosts,
                            "cluster.initial_master_nodes",
                            String.join(",", names)));
            // A data directory from an earlier run belongs to another cluster (other ports, other UUID).
            node.wipeData();
            nodes.add(node);
        }
        LoopbackCluster cluster = new LoopbackCluster(nodes);
        List<CompletableFuture<Void>> starts = nodes.stream()
                .map(node -> CompletableFuture.runAsync(
                        () -> {
                            try {
                                node.start();
                            } catch (IOException e) {
                                throw new CompletionException(e);
                            }
                        },
                        ONE_THREAD_EACH))
                .toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            cluster.close();
            throw new IOException("The loopback cluster did not form", e.getCause());
        }
        return cluster;
    }

    public List<TestNode> nodes() {
        return nodes;
    }

    /** The value for {@code spring.elasticsearch.uris}: every node's HTTP address. */
    public String uris() {
        return nodes.stream().map(n -> n.uri().toString()).collect(Collectors.joining(","));
    }

    public TestNode node(String name) {
        return nodes.stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + name));
    }

    @Override
    public void close() {
        CompletableFuture.allOf(nodes.stream()
                        .map(node -> CompletableFuture.runAsync(node::close, ONE_THREAD_EACH))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
