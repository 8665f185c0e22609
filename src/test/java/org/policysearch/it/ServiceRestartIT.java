package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policysearch.it.FaultTestSupport.assertNothingLost;
import static org.policysearch.it.FaultTestSupport.await;
import static org.policysearch.it.FaultTestSupport.get;
import static org.policysearch.it.FaultTestSupport.outcomesByFile;
import static org.policysearch.it.FaultTestSupport.startBatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.es.TestNode;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged service, as a process, SIGKILLed in the middle of a batch against a node the test owns: restarted on
 * the same data directory, it resumes the same job by itself and finishes it with one outcome per file, every
 * acknowledged document in the index and none twice, and the duplicate count of copies written before the kill
 * stored by the resumed run.
 */
class ServiceRestartIT {

    private static final String API_KEY = "it-restart-secret";
    private static final Path DATA = Path.of("target/it-data-service-restart").toAbsolutePath();
    private static final Path FILES = Path.of("target/it-service-restart-files").toAbsolutePath();

    static TestNode node;
    static Process service;
    static URI serviceUri;

    @BeforeAll
    static void startNode() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
        FileSystemUtils.deleteRecursively(FILES);
        Files.createDirectories(DATA);
        node = TestNode.standalone(Path.of("target/it-es-restart"));
    }

    @AfterAll
    static void stop() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aKilledServiceResumesItsBatchOnRestart() throws Exception {
        // 1,200 files so that the kill, right after the first acknowledgement, lands while files are still unwritten
        // (300 were sometimes all written first on an idle box, as in ClusterIT and OutageIT).
        int distinct = 1200;
        List<String> files = new ArrayList<>(BatchFiles.write(FILES, distinct, 23));
        // Two copies (same text, other bytes) of the first document, among the first files. Whether their bulk item
        // is journalled before the kill, written but not journalled, or not sent yet, the count on the representative
        // (doc-0000-copy.txt, the first file with its bytes) can only come from the resumed run: the killed one never
        // reaches its end-of-batch recount. (BatchPipelineIT resumes a job whose copies were all journalled.)
        String first = Files.readString(FILES.resolve("doc-0000.txt"));
        Files.writeString(FILES.resolve("doc-0000-near-1.txt"), first + "\n\n");
        Files.writeString(FILES.resolve("doc-0000-near-2.txt"), "\n" + first);
        files.addAll(List.of("doc-0000-near-1.txt", "doc-0000-near-2.txt"));
        service = startService();
        String id = startBatch(serviceUri, API_KEY, FILES.toString());
        await(
                "the first acknowledged documents",
                Duration.ofSeconds(120),
                () -> status(id),
                s -> s.path("counts").path("INGESTED").asInt() > 0);
        JsonNode beforeKill = status(id);
        service.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing flushed
        assertThat(beforeKill.path("processed").asInt())
                .as("the service must die in the middle of the batch")
                .isLessThan(files.size());

        service = startService();
        JsonNode resumed = status(id);
        assertThat(resumed.path("id").asText()).isEqualTo(id);
        assertThat(resumed.path("startedAt").asText())
                .isEqualTo(beforeKill.path("startedAt").asText());
        JsonNode done = await(
                "the resumed batch to finish",
                Duration.ofSeconds(150),
                () -> status(id),
                s -> s.path("state").asText().matches("DONE|FAILED"));

        assertNothingLost(done, files, node.uri(), "policy-docs", 0);
        // Documents the killed process wrote without journalling them still count as this job's, not as UNCHANGED.
        assertThat(done.at("/counts/INGESTED").asInt()
                        + done.at("/counts/DUPLICATE").asInt())
                .isEqualTo(distinct + 2); // the two near copies
        Map<String, JsonNode> finalOutcomes = outcomesByFile(done);
        String representative =
                finalOutcomes.get("doc-0000-copy.txt").path("id").asText();
        for (String copy : List.of("doc-0000-near-1.txt", "doc-0000-near-2.txt")) {
            assertThat(finalOutcomes.get(copy).path("result").asText()).as(copy).isEqualTo("DUPLICATE");
            assertThat(finalOutcomes.get(copy).path("duplicateOf").asText())
                    .as(copy)
                    .isEqualTo(representative);
        }
        assertThat(duplicatesShown(
                        representative,
                        Files.readString(FILES.resolve("doc-0000.txt"))
                                .lines()
                                .findFirst()
                                .orElseThrow()))
                .as("the count the resumed run stored")
                .isEqualTo(2);
        outcomesByFile(beforeKill)
                .forEach((file, outcome) -> assertThat(finalOutcomes.get(file))
                        .as("an outcome reported before the kill stays as it was")
                        .isEqualTo(outcome));
        JsonNode listed = get(serviceUri, "/api/batches", API_KEY).json();
        assertThat(listed.findValuesAsText("id")).contains(id);
    }

    /** The {@code duplicates} of {@code id}'s hit when its title is searched. */
    private static int duplicatesShown(String id, String title) throws Exception {
        JsonNode search = get(
                        serviceUri,
                        "/api/search?size=50&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
                        API_KEY)
                .json();
        for (JsonNode hit : search.path("hits")) {
            if (hit.path("id").asText().equals(id)) {
                return hit.path("duplicates").asInt(-1);
            }
        }
        throw new AssertionError(id + " is not among the hits for " + title + ": " + search);
    }

    private static JsonNode status(String id) throws Exception {
        return get(serviceUri, "/api/batches/" + id, API_KEY).json();
    }

    private static Process startService() throws Exception {
        ServiceJar.Started started = ServiceJar.start(
                DATA,
                API_KEY,
                Duration.ofMinutes(3),
                "--spring.elasticsearch.uris=" + node.uri(),
                "--policy.data-dir=" + DATA,
                "--policy.ingest.load-samples=false",
                "--policy.ingest.retry-max-delay=2s");
        serviceUri = started.uri();
        return started.process();
    }
}
