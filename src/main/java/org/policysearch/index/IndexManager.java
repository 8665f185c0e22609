package org.policysearch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the alias pointing at a physical index built from the current definition: creates {@code <alias>-vN} at
 * startup when absent. When Elasticsearch is not reachable yet (an external cluster still starting), it keeps
 * trying in the background; the service is up meanwhile and its health says DOWN.
 */
@Component
public class IndexManager {

    private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
    private static final long MERGE_POLL_MILLIS = 2_000;

    private final ElasticsearchClient client;
    private final IndexDefinition definition;
    private final int rebuildMergeSegments;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-manager");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean ready;
    private final ApplicationEventPublisher events;

    /**
     * Published once the alias points at another index: state kept about the old index's documents (the ingest
     * service's bridge of documents not yet searchable) no longer describes the live one.
     */
    public record AliasSwapped(String alias, String target) {}

    IndexManager(
            ElasticsearchClient client,
            IndexProperties properties,
            ObjectMapper mapper,
            ApplicationEventPublisher events) {
        this.client = client;
        this.events = events;
        this.definition = new IndexDefinition(properties, mapper);
        this.rebuildMergeSegments = properties.rebuildMergeSegments();
    }

    /** The alias to read and write documents through. */
    public String alias() {
        return definition.alias();
    }

    /** True once the alias exists. */
    public boolean isReady() {
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady() {
        ensureIndex();
    }

    /** Creates the current index version behind the alias unless the alias already exists. */
    public synchronized void ensureIndex() {
        try {
            Set<String> current = indicesBehindAlias();
            if (current.isEmpty()) {
                create(definition.physicalName(), true);
            } else if (current.stream().noneMatch(i -> isVersionOf(i, definition.physicalName()))) {
                log.warn(
                        "Alias {} points at {} but the index definition is version {}: run the rebuild command"
                                + " to re-ingest the originals into {}",
                        definition.alias(),
                        current,
                        definition.version(),
                        definition.physicalName());
            }
            ready = true;
            retry.shutdown();
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Elasticsearch not reachable yet ({}); retrying in 5s",
                    e.getClass().getSimpleName());
            retry.schedule(this::ensureIndex, 5, TimeUnit.SECONDS);
        }
    }

    /** Creates a physical index from the current definition, optionally with the alias on it. */
    public void create(String name, boolean withAlias) throws IOException {
        log.info("Creating index {}{}", name, withAlias ? " behind alias " + definition.alias() : "");
        client.indices().create(c -> {
            c.index(name).withJson(new StringReader(definition.body()));
            if (withAlias) {
                c.aliases(definition.alias(), a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    /**
     * The physical index a rebuild writes into: {@code <alias>-vN} for the current definition, or, when that exists
     * already (rules changed, mapping did not), the same name with a timestamp suffix.
     */
    public String rebuildTarget() throws IOException {
        String name = definition.physicalName();
        if (!client.indices().exists(e -> e.index(name)).value()) {
            return name;
        }
        return name + "-"
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(java.time.Instant.now());
    }

    /** {@code index} is {@code name} or a rebuild into the same version ({@link #rebuildTarget}'s suffix). */
    static boolean isVersionOf(String index, String name) {
        return index.equals(name) || index.matches(java.util.regex.Pattern.quote(name) + "-\\d{14}");
    }

    /**
     * Force-merges a finished rebuild down to {@code policy.index.rebuild-merge-segments} segments per shard (no-op
     * at 0). A bulk rebuild leaves dozens of segments, and a query with many terms (a whole title, a question) looks
     * each term up in every segment: on 86,343 documents, 31 segments merged into one cut the mean query-only time
     * from 20.9 to 14.9 ms (ADR 0011). Only for an index nothing else writes to yet.
     */
    public void forceMergeRebuilt(String index) throws IOException {
        if (rebuildMergeSegments <= 0) {
            return;
        }
        // As a task: a large merge outlasts the client's 30 s socket timeout, so poll it instead of waiting on it.
        String task = client.indices()
                .forcemerge(f -> f.index(index)
                        .maxNumSegments((long) rebuildMergeSegments)
                        .waitForCompletion(false))
                .task();
        while (task != null && !client.tasks().get(g -> g.taskId(task)).completed()) {
            try {
                Thread.sleep(MERGE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while force-merging " + index);
            }
        }
    }

    /** Points the alias at {@code target} only, atomically. */
    public void swapAlias(String target) throws IOException {
        Set<String> old = indicesBehindAlias();
        client.indices().updateAliases(u -> {
            for (String index : old) {
                u.actions(a -> a.remove(r -> r.index(index).alias(definition.alias())));
            }
            return u.actions(
                    a -> a.add(ad -> ad.index(target).alias(definition.alias()).isWriteIndex(true)));
        });
        log.info("Alias {} now points at {} (was {})", definition.alias(), target, old);
        events.publishEvent(new AliasSwapped(definition.alias(), target));
    }

    /** The physical indices the alias points at (one, except during a hand-made change). */
    public Set<String> indicesBehindAlias() throws IOException {
        try {
            GetAliasResponse response = client.indices().getAlias(g -> g.name(definition.alias()));
            return response.result().keySet();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }
}
