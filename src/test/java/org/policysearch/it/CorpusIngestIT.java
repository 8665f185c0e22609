package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policysearch.SharedData;
import org.policysearch.index.DocumentStore;
import org.policysearch.ingest.IngestOutcome;
import org.policysearch.ingest.IngestService;
import org.policysearch.ingest.OriginalStore;
import org.policysearch.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every document of {@code ../shared/corpus} (laws and news as their {@code docs/*.txt}, the school site as its raw
 * HTML) through the real pipeline into a real index: each one is ingested or refused with a code, none fails. Its own
 * service and alias, so these documents do not change what the shared-context tests count.
 *
 * <p>All 4,344 take about 8 minutes on an idle 2-core machine and over 25 when other builds share it (laws average
 * 18 KB), so by default every 3rd file of each collection (sorted by name) goes through, about 3 minutes;
 * {@code -Dpolicy.corpus-ingest.step=1} runs them all.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=target/it-data-corpus",
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=512m",
            "API_KEY=it-secret"
        })
@DirtiesContext
class CorpusIngestIT {

    private static final List<String> SOURCES = List.of(
            "corpus/laws_lawrefbook/docs",
            "corpus/xinwen_lianbo_cctv/docs",
            "corpus/party_building_school_site/raw_html");
    private static final int STEP = Integer.getInteger("policy.corpus-ingest.step", 3);
    private static final List<String> INDEXES =
            List.of("corpus/laws_lawrefbook", "corpus/xinwen_lianbo_cctv", "corpus/party_building_school_site");

    @DynamicPropertySource
    static void alias(DynamicPropertyRegistry registry) {
        registry.add(
                "policy.index.alias",
                () -> "it-corpus-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Autowired
    IngestService ingestService;

    @Autowired
    DocumentStore store;

    @LocalServerPort
    int port;

    private record Outcome(Path file, String result, String code, String detected) {}

    @Test
    void everyDocumentIsIngestedOrRefusedWithAReason() throws Exception {
        List<Path> files = new ArrayList<>();
        int all = 0;
        for (String source : SOURCES) {
            List<Path> collection;
            try (Stream<Path> list = Files.list(SharedData.require(source))) {
                collection = list.filter(Files::isRegularFile).sorted().toList();
            }
            all += collection.size();
            for (int i = 0; i < collection.size(); i += STEP) {
                files.add(collection.get(i));
            }
        }
        // The title checks below need their documents in the sample.
        for (Path known : knownDocuments()) {
            if (!files.contains(known)) {
                files.add(known);
            }
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Path file : files) {
            futures.add(pool.submit(() -> ingestOne(file)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        store.refresh();
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Integer> byResult = new TreeMap<>();
        Map<String, Integer> byDetected = new TreeMap<>();
        outcomes.forEach(o -> {
            byResult.merge(o.result() + (o.code() == null ? "" : " " + o.code()), 1, Integer::sum);
            byDetected.merge(o.detected(), 1, Integer::sum);
        });
        System.out.printf(
                "Corpus ingest: %d of %d files (every %d%s, plus the title-check documents) in %.0f s%n"
                        + "  by outcome: %s%n  by type/charset/script: %s%n",
                outcomes.size(), all, STEP, STEP == 1 ? "" : ", sampled", seconds, byResult, byDetected);
        outcomes.stream()
                .filter(o -> !o.result().equals("INGESTED") && !o.result().equals("DUPLICATE"))
                .forEach(o -> System.out.println("  " + o.result() + " " + o.code() + " " + o.file()));

        assertThat(all).isGreaterThanOrEqualTo(4300);
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(all / STEP);
        assertThat(outcomes).noneMatch(o -> o.result().equals("FAILED"));
        assertThat(outcomes)
                .filteredOn(o -> o.result().equals("REFUSED"))
                .allMatch(o -> o.code() != null && !o.code().isBlank());
        assertKnownTitlesAreFound();
    }

    private Outcome ingestOne(Path file) {
        try {
            IngestOutcome o = ingestService.ingest(
                    Files.readAllBytes(file), file.getFileName().toString(), null, false);
            var d = o.document();
            String result = !o.created() ? "UNCHANGED" : d.duplicateOf() != null ? "DUPLICATE" : "INGESTED";
            return new Outcome(file, result, null, d.contentType() + " " + d.charset() + " " + d.script());
        } catch (ApiException refused) {
            return new Outcome(file, "REFUSED", refused.code().code(), "-");
        } catch (Exception failed) {
            failed.printStackTrace();
            return new Outcome(file, "FAILED", null, "-");
        }
    }

    private record Known(String title, Path file) {}

    /** The first three titles of each collection's index with six characters or more (【column】 removed). */
    private static List<Known> known() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Known> known = new ArrayList<>();
        for (String index : INDEXES) {
            Path dir = SharedData.require(index);
            List<String> lines = Files.readAllLines(dir.resolve("index.jsonl"), StandardCharsets.UTF_8);
            int found = 0;
            for (int i = 0; i < lines.size() && found < 3; i++) {
                JsonNode entry = json.readTree(lines.get(i));
                String title =
                        entry.path("title").asText().replaceAll("【[^】]*】", "").strip();
                if (title.length() >= 6) {
                    JsonNode file = entry.has("raw_html") ? entry.get("raw_html") : entry.get("file");
                    known.add(new Known(title, dir.resolve(file.asText())));
                    found++;
                }
            }
        }
        return known;
    }

    private static List<Path> knownDocuments() throws Exception {
        return known().stream().map(Known::file).toList();
    }

    /** Searching a known title finds its document. */
    private void assertKnownTitlesAreFound() throws Exception {
        Http http = new Http(port, null);
        for (Known k : known()) {
            String id = IngestService.idOf(OriginalStore.sha256(Files.readAllBytes(k.file())));
            Http.Answer a = http.get("/api/search?includeDuplicates=true&size=10&q="
                    + URLEncoder.encode(k.title(), StandardCharsets.UTF_8));
            List<String> ids = new ArrayList<>();
            a.json().path("hits").forEach(h -> ids.add(h.path("id").asText()));
            assertThat(ids)
                    .as("search «%s» finds %s: %s", k.title(), k.file().getFileName(), a.body())
                    .contains(id);
        }
    }
}
