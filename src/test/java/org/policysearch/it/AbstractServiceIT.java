package org.policysearch.it;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port against the real managed Elasticsearch node with the analysis plugin. All
 * subclasses share one Spring context (and so one node); each test run writes to its own alias, so runs never see
 * each other's documents.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=target/it-data",
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=512m",
            "API_KEY=it-secret"
        })
abstract class AbstractServiceIT {

    static final String API_KEY = "it-secret";
    private static final String ALIAS = "it-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void alias(DynamicPropertyRegistry registry) {
        registry.add("policy.index.alias", () -> ALIAS);
    }
}
