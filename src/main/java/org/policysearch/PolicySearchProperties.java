package org.policysearch;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature.
 *
 * @param dataDir where the service keeps everything that must survive a restart: the managed Elasticsearch
 *     node, the originals of ingested files, the generated API key, the ingest queue
 */
@Validated
@ConfigurationProperties("policy")
public record PolicySearchProperties(
        @NotNull @DefaultValue("data") Path dataDir) {

    public Path dataDir() {
        return dataDir.toAbsolutePath().normalize();
    }
}
