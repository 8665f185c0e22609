package org.policysearch.es;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local Elasticsearch node the service runs when no external cluster is configured
 * ({@code spring.elasticsearch.uris} unset).
 *
 * @param enabled false to never launch a node (the service then needs {@code spring.elasticsearch.uris})
 * @param version Elasticsearch version of the distribution; the analysis plugin is built for it
 * @param distribution path to {@code elasticsearch-<version>.zip}; when unset the local Maven repository is
 *     looked at, then {@code repository} is downloaded from
 * @param repository Maven repository holding {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch}
 * @param heap JVM heap of the node ({@code -Xms} = {@code -Xmx}), e.g. {@code 1g} or {@code 512m}
 * @param httpPort HTTP port on 127.0.0.1; 0 picks a free one at each start
 * @param javaHome JDK the node runs on; defaults to the one running the service
 * @param startupTimeout how long to wait for the node to report yellow health
 * @param runAs account the node runs under when the service runs as root (Elasticsearch refuses root); created
 *     when missing
 * @param settings extra {@code elasticsearch.yml} settings, written as given
 */
@Validated
@ConfigurationProperties("policy.elasticsearch.managed")
public record ManagedElasticsearchProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("8.19.7") String version,
        Path distribution,

        @NotNull @DefaultValue("https://repo1.maven.org/maven2")
        URI repository,

        @NotBlank @Pattern(regexp = "\\d+[mMgG]") @DefaultValue("1g")
        String heap,

        @Min(0) @DefaultValue("0") int httpPort,
        Path javaHome,
        @NotNull @DefaultValue("180s") Duration startupTimeout,

        @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_-]{0,31}") @DefaultValue("policysearch-es")
        String runAs,

        Map<String, String> settings) {

    public ManagedElasticsearchProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    Path effectiveJavaHome() {
        return javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
    }
}
