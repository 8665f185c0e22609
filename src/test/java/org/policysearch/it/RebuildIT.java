package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.policysearch.extract.HostileFiles;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.IndexManager;
import org.policysearch.ingest.OriginalStore;
import org.policysearch.suggest.SuggestInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * {@code POST /api/admin/rebuild}: the kept originals re-ingested into a new index version, the alias swapped, every
 * document back with the same id and duplicate link. Its own service and node (data directory and alias): a rebuild
 * re-ingests every original and moves the alias, which would disturb the tests sharing {@link AbstractServiceIT}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=" + RebuildIT.DATA_DIR,
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=512m",
            "API_KEY=it-secret"
        })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildIT {

    static final String DATA_DIR = "target/it-data-rebuild";
    private static final List<String> FILES = List.of(
            "txt/notice-utf8.txt",
            "txt/notice-gb18030.txt",
            "txt/notice-big5.txt",
            "files/speech.docx",
            "files/speech.rtf",
            "files/policy-zh.pdf");

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        // Originals of earlier runs would be rebuilt too: this test counts exactly its own.
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR, "originals").toFile());
        registry.add(
                "policy.index.alias",
                () -> "it-rebuild-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @LocalServerPort
    int port;

    @Autowired
    IndexManager indexManager;

    @Autowired
    OriginalStore originals;

    @Autowired
    DocumentStore store;

    @Autowired
    SuggestInputs suggestInputs;

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Test
    @Order(1)
    void rebuildsIntoANewIndexWithTheSameIdsAndDuplicateLinks() throws Exception {
        Http http = new Http(port, "it-secret");
        Map<String, String> duplicateOfById = new LinkedHashMap<>();
        for (String file : FILES) {
            Http.Answer a =
                    http.upload(fixture(file), Path.of(file).getFileName().toString());
            assertThat(a.status()).as(file + " " + a.body()).isEqualTo(201);
            duplicateOfById.put(
                    a.json().path("id").asText(), a.json().path("duplicateOf").asText(null));
        }
        assertThat(duplicateOfById.values().stream().filter(d -> d != null))
                .as("the notice's three copies and the speech's two link up")
                .hasSize(3);
        Map<String, Integer> expectedCounts = new HashMap<>();
        duplicateOfById.forEach((id, representative) -> {
            expectedCounts.putIfAbsent(id, 0);
            if (representative != null) {
                expectedCounts.remove(id);
                expectedCounts.merge(representative, 1, Integer::sum);
            }
        });
        assertThat(expectedCounts.values()).containsExactlyInAnyOrder(2, 1, 0);
        assertThat(duplicatesShown(http)).as("counts stored by the uploads").isEqualTo(expectedCounts);
        String notice = duplicateOfById.keySet().iterator().next(); // the first upload: the notice's representative
        Set<String> before = indexManager.indicesBehindAlias();

        assertThat(new Http(port, null).post("/api/admin/rebuild").status()).isEqualTo(401);
        Http.Answer started = http.post("/api/admin/rebuild");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode status = await(http, started.json().path("id").asText());

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("swapped").asBoolean()).isTrue();
        assertThat(status.path("problems")).isEmpty();
        assertThat(status.path("counts").path("INGESTED").asInt()).isEqualTo(3);
        assertThat(status.path("counts").path("DUPLICATE").asInt()).isEqualTo(3);
        String target = status.path("target").asText();
        assertThat(before).doesNotContain(target);
        assertThat(indexManager.indicesBehindAlias()).containsExactly(target);
        assertThat(segments(target)).as("segments of the rebuilt index").isEqualTo(1);

        for (Map.Entry<String, String> e : duplicateOfById.entrySet()) {
            Http.Answer d = http.get("/api/documents/" + e.getKey());
            assertThat(d.status()).as(e.getKey()).isEqualTo(200);
            assertThat(d.json().path("duplicateOf").asText(null)).as(e.getKey()).isEqualTo(e.getValue());
        }
        Http.Answer search = http.get(
                "/api/search?q=" + URLEncoder.encode("走访慰问", StandardCharsets.UTF_8) + "&includeDuplicates=true");
        assertThat(search.json().path("total").asInt()).as(search.body()).isGreaterThanOrEqualTo(3);
        // The rebuild wrote every document without a count and stored the counts before the swap.
        assertThat(duplicatesShown(http)).as("counts stored by the rebuild").isEqualTo(expectedCounts);
        assertThat(Completions.byPinyin(http, suggestInputs, store.get(notice).orElseThrow()))
                .as("the notice's representative, rewritten with its count, is still completed")
                .contains(notice);
        assertThat(http.get("/api/admin/rebuild/" + UUID.randomUUID())
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("not_found");
    }

    /** An original the pipeline now refuses would be lost: reported, and the alias stays where it is. */
    @Test
    @Order(2)
    void aDocumentThatWouldBeLostStopsTheSwap() throws Exception {
        Http http = new Http(port, "it-secret");
        Set<String> before = indexManager.indicesBehindAlias();
        // As if it had been accepted by an older pipeline: kept, but no longer readable.
        originals.store(HostileFiles.png(), "scan-kept.png", null);

        JsonNode status =
                await(http, http.post("/api/admin/rebuild").json().path("id").asText());

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("FAILED");
        assertThat(status.path("swapped").asBoolean()).isFalse();
        assertThat(status.path("error").asText()).contains("would be lost");
        assertThat(status.path("problems")).hasSize(1);
        JsonNode problem = status.path("problems").get(0);
        assertThat(problem.path("fileName").asText()).isEqualTo("scan-kept.png");
        assertThat(problem.path("result").asText()).isEqualTo("REFUSED");
        assertThat(problem.path("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(indexManager.indicesBehindAlias()).isEqualTo(before);
        assertThat(http.get("/api/documents/" + anyServedId(http)).status()).isEqualTo(200);
    }

    /** What a rebuild does before its swap: three refreshed writes (three segments) merged into one. */
    @Test
    @Order(3)
    void aFinishedRebuildIsForceMergedToOneSegment() throws Exception {
        String index = indexManager.rebuildTarget() + "-merge";
        indexManager.create(index, false);
        try {
            for (int i = 0; i < 3; i++) {
                String id = "merge-" + i;
                client.index(r -> r.index(index)
                        .id(id)
                        .document(Map.of("title", "合并测试" + id))
                        .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            }
            assertThat(segments(index)).isEqualTo(3);
            indexManager.forceMergeRebuilt(index);
            assertThat(segments(index)).isEqualTo(1);
            assertThat(client.count(c -> c.index(index)).count()).isEqualTo(3);
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    /** Each representative's {@code duplicates} as its search hit shows it (no query: every representative). */
    private static Map<String, Integer> duplicatesShown(Http http) throws Exception {
        Http.Answer search = http.get("/api/search?size=100");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        Map<String, Integer> shown = new HashMap<>();
        search.json()
                .path("hits")
                .forEach(h ->
                        shown.put(h.path("id").asText(), h.path("duplicates").asInt(-1)));
        return shown;
    }

    private long segments(String index) throws IOException {
        return client.cat().segments(c -> c.index(index)).valueBody().size();
    }

    /** Some document id served through the alias (the rebuilt index is still the live one). */
    private static String anyServedId(Http http) throws Exception {
        return http.get("/api/search?q=" + URLEncoder.encode("冬训", StandardCharsets.UTF_8))
                .json()
                .path("hits")
                .get(0)
                .path("id")
                .asText();
    }

    private static JsonNode await(Http http, String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode status;
        do {
            Thread.sleep(500);
            status = http.get("/api/admin/rebuild/" + id).json();
        } while (status.path("state").asText().equals("RUNNING")
                && Instant.now().isBefore(deadline));
        return status;
    }

    static byte[] fixture(String file) throws IOException {
        try (InputStream in = RebuildIT.class.getResourceAsStream("/fixtures/" + file)) {
            return in.readAllBytes();
        }
    }
}
