package org.policysearch.es;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.policysearch.PolicySearchProperties;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.elasticsearch.uris}, the service runs its own node and points the
 * Elasticsearch client at it. With an external cluster configured, none of this is created.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalClusterCondition.class)
class ManagedElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    ManagedElasticsearch managedElasticsearch(ManagedElasticsearchProperties properties, PolicySearchProperties policy)
            throws IOException {
        ManagedElasticsearch node =
                new ManagedElasticsearch(properties, policy.dataDir().resolve("elasticsearch"));
        node.start();
        return node;
    }

    @Bean
    ElasticsearchConnectionDetails managedElasticsearchConnectionDetails(ManagedElasticsearch node) {
        URI uri = node.uri();
        return () -> List.of(new ElasticsearchConnectionDetails.Node(
                uri.getHost(), uri.getPort(), ElasticsearchConnectionDetails.Node.Protocol.HTTP));
    }
}
