package org.policysearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.policysearch.PolicySearchProperties;
import org.policysearch.index.IndexManager;
import org.policysearch.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start (no marker in the data directory), ingests the sample documents so search has content. */
@Component
class SampleLoader {

    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final IngestService ingestService;
    private final IndexManager indexManager;
    private final IngestProperties properties;
    private final Path marker;

    SampleLoader(
            IngestService ingestService,
            IndexManager indexManager,
            IngestProperties properties,
            PolicySearchProperties policy) {
        this.ingestService = ingestService;
        this.indexManager = indexManager;
        this.properties = properties;
        this.marker = policy.dataDir().resolve("samples-loaded");
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void loadOnFirstStart() throws IOException {
        Path dir = properties.samplesDir();
        if (!properties.loadSamples() || Files.exists(marker) || !Files.isDirectory(dir) || !indexManager.isReady()) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        int ok = 0;
        for (Path file : files) {
            try {
                ingestService.ingest(
                        Files.readAllBytes(file), file.getFileName().toString(), null);
                ok++;
            } catch (ApiException refused) {
                log.warn("Sample {} refused: {}", file.getFileName(), refused.getMessage());
            }
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "loaded " + ok + " of " + files.size() + " samples from " + dir + "\n");
        log.info("Loaded {} sample documents from {}", ok, dir.toAbsolutePath());
    }
}
