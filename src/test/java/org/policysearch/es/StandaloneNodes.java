package org.policysearch.es;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A standalone {@link TestNode} whose address is known before it starts: a fault test points the service at it
 * while nothing listens there yet, then starts it.
 */
public final class StandaloneNodes {

    private StandaloneNodes() {}

    /** A single-node cluster on a free loopback port with an empty data directory, not started. */
    public static TestNode unstarted(Path baseDir) throws IOException {
        TestNode node = new TestNode(
                "standalone",
                baseDir,
                TestNode.freeLoopbackPort(),
                Map.of("cluster.name", "policy-search-test-standalone"));
        node.wipeData();
        return node;
    }
}
