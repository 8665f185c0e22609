package org.policysearch.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher itself: three nodes form one cluster, and a SIGKILLed node comes back into it. */
class LoopbackClusterIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void threeNodesFormOneClusterAndAKilledNodeRejoins() throws Exception {
        try (LoopbackCluster cluster = LoopbackCluster.start(3, Path.of("target/it-loopback-cluster"))) {
            TestNode first = cluster.nodes().get(0);
            TestNode last = cluster.nodes().get(2);
            assertThat(get(first.uri(), "/_cat/nodes?h=name")).contains("node-1", "node-2", "node-3");

            last.kill();
            assertThat(last.isRunning()).isFalse();
            assertThat(last.processes()).noneMatch(ProcessHandle::isAlive);
            assertThat(get(first.uri(), "/_cluster/health?wait_for_nodes=2&timeout=30s"))
                    .contains("\"number_of_nodes\":2");

            last.restart();
            assertThat(get(first.uri(), "/_cluster/health?wait_for_nodes=3&timeout=60s"))
                    .contains("\"number_of_nodes\":3")
                    .contains("\"timed_out\":false");
            assertThat(get(last.uri(), "/_cluster/health")).contains("\"cluster_name\":\"policy-search-loopback\"");
        }
    }

    private String get(URI node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
