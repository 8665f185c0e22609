package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policysearch.it.FaultTestSupport.assertNothingLost;
import static org.policysearch.it.FaultTestSupport.await;
import static org.policysearch.it.FaultTestSupport.count;
import static org.policysearch.it.FaultTestSupport.get;
import static org.policysearch.it.FaultTestSupport.outcomesByFile;
import static org.policysearch.it.FaultTestSupport.startBatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.policysearch.PolicySearchApplication;
import org.policysearch.es.StandaloneNodes;
import org.policysearch.es.TestNode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The service against an external Elasticsearch node that the test owns and breaks: (a) the node is not there when
 * the service starts, (b) it is SIGKILLed in the middle of a batch and restarted ten seconds later, (c) a proxy in
 * front of it answers 429 to bulk requests and to single bulk items. Nothing acknowledged may be lost in any of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    private static final String API_KEY = "it-secret";
    private static final Path FILES = Path.of("target/it-outage-files").toAbsolutePath();
    private static final Path FILES_429 = Path.of("target/it-outage-files-429").toAbsolutePath();

    static TestNode node;
    static ConfigurableApplicationContext service;
    static URI serviceUri;
    static String alias;

    @BeforeAll
    static void prepare() throws Exception {
        FileSystemUtils.deleteRecursively(FILES);
        FileSystemUtils.deleteRecursively(FILES_429);
        node = StandaloneNodes.unstarted(Path.of("target/it-es-outage"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** A service context of its own (data directory, alias) against {@code elasticsearch}. */
    private static ConfigurableApplicationContext start(String name, URI elasticsearch) throws Exception {
        Path data = Path.of("target/it-data-" + name);
        FileSystemUtils.deleteRecursively(data);
        alias = "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        // Command-line arguments: they outrank application.yml (default properties would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PolicySearchApplication.class)
                .run(
                        "--spring.elasticsearch.uris=" + elasticsearch,
                        "--policy.data-dir=" + data,
                        "--policy.index.alias=" + alias,
                        "--policy.ingest.load-samples=false",
                        // Short pauses: the test waits for the node, not for a long backoff step after it is back.
                        "--policy.ingest.retry-max-delay=2s",
                        "--server.port=0",
                        "--API_KEY=" + API_KEY);
        serviceUri = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        return context;
    }

    @Test
    @Order(1)
    void elasticsearchDownAtStartThenUpByItself() throws Exception {
        service = start("outage", node.uri());

        FaultTestSupport.Answer health = get(serviceUri, "/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
        FaultTestSupport.Answer search = get(serviceUri, "/api/search?q=%E4%B9%A1%E6%9D%91", null);
        assertThat(search.status()).isEqualTo(503);
        assertThat(search.json().path("code").asText()).isEqualTo("search_unavailable");
        assertThat(search.response().headers().firstValue("Retry-After")).isPresent();
        Http http = new Http(serviceUri.getPort(), API_KEY);
        Http.Answer refused = http.upload("关于做好全县春耕备耕工作的通知\n\n各乡镇要抓好春耕生产。".getBytes(StandardCharsets.UTF_8), "a.txt");
        assertThat(refused.status())
                .as("nothing is accepted while the index is unreachable")
                .isEqualTo(503);

        node.start();

        await(
                "health UP",
                Duration.ofSeconds(60),
                () -> get(serviceUri, "/actuator/health", null),
                a -> a.status() == 200);
        // Until the index exists and its shard has started, an upload is refused as the 503 above was: a client
        // honouring Retry-After gets in without anyone touching the service.
        byte[] notice = "关于做好全县春耕备耕工作的通知\n\n各乡镇要抓好春耕生产。".getBytes(StandardCharsets.UTF_8);
        Http.Answer uploaded = await(
                "an upload to be accepted",
                Duration.ofSeconds(90),
                () -> {
                    Http.Answer a = http.upload(notice, "a.txt");
                    assertThat(a.status()).as(a.body()).isIn(201, 503);
                    return a;
                },
                a -> a.status() == 201);
        assertThat(get(node.uri(), "/_alias/" + alias, null).status()).isEqualTo(200);
        String id = uploaded.json().path("id").asText();
        assertThat(get(serviceUri, "/api/documents/" + id, null).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void elasticsearchKilledInTheMiddleOfABatch() throws Exception {
        // Enough files that the kill, right after the first acknowledgement, lands while files are still unwritten:
        // with 300 an idle box could write them all first, and the batch then only waits in its last steps (the
        // duplicate recount and the refresh), with nothing left to prove about queued files.
        int distinct = 1200;
        List<String> files = BatchFiles.write(FILES, distinct, 7);
        long before = count(node.uri(), alias);
        String id = startBatch(serviceUri, API_KEY, FILES.toString());

        JsonNode early = await(
                "the first acknowledged documents",
                Duration.ofSeconds(90),
                () -> status(id),
                s -> s.path("counts").path("INGESTED").asInt() > 0);
        node.kill();
        long killedAt = System.nanoTime();
        JsonNode beforeKill = status(id);
        assertThat(beforeKill.path("state").asText())
                .as("the batch must still be running when the node dies")
                .isNotEqualTo("DONE");

        JsonNode waiting = await(
                "the batch to wait",
                Duration.ofSeconds(60),
                () -> status(id),
                s -> s.path("state").asText().equals("WAITING"));
        assertThat(waiting.path("waitingFor").asText()).isNotBlank();
        Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - (System.nanoTime() - killedAt) / 1_000_000));
        assertThat(status(id).path("processed").asInt()).isLessThan(files.size());

        node.restart();
        JsonNode done = await(
                "the batch to finish",
                Duration.ofSeconds(120),
                () -> status(id),
                s -> s.path("state").asText().matches("DONE|FAILED"));

        assertNothingLost(done, files, node.uri(), alias, before);
        assertThat(done.at("/counts/INGESTED").asInt()
                        + done.at("/counts/DUPLICATE").asInt())
                .isEqualTo(distinct);
        Map<String, JsonNode> finalOutcomes = outcomesByFile(done);
        outcomesByFile(beforeKill)
                .forEach((file, outcome) -> assertThat(finalOutcomes.get(file))
                        .as("an outcome reported before the kill stays as it was")
                        .isEqualTo(outcome));
        assertThat(early.path("counts").path("INGESTED").asInt()).isPositive();
    }

    @Test
    @Order(3)
    void rejectionsWith429AreRetried() throws Exception {
        service.close();
        service = null;
        List<String> files = BatchFiles.write(FILES_429, 200, 11);
        try (RejectingProxy proxy = new RejectingProxy(node.uri(), 3, 2, 10)) {
            service = start("outage-429", proxy.uri());
            await(
                    "the alias to be created",
                    Duration.ofSeconds(60),
                    () -> get(node.uri(), "/_alias/" + alias, null),
                    a -> a.status() == 200);
            String id = startBatch(serviceUri, API_KEY, FILES_429.toString());
            JsonNode done = await(
                    "the batch to finish",
                    Duration.ofSeconds(120),
                    () -> status(id),
                    s -> s.path("state").asText().matches("DONE|FAILED"));

            assertNothingLost(done, files, node.uri(), alias, 0);
            assertThat(done.at("/counts/INGESTED").asInt()
                            + done.at("/counts/DUPLICATE").asInt())
                    .isEqualTo(200);
            assertThat(proxy.rejectedWholeRequests.get()).isEqualTo(3);
            assertThat(proxy.rejectedItemIds).hasSizeGreaterThanOrEqualTo(10);
            assertThat(proxy.resentItemIds)
                    .as("every item rejected with 429 was sent again")
                    .containsAll(proxy.rejectedItemIds);
        }
    }

    private static JsonNode status(String id) throws Exception {
        return get(serviceUri, "/api/batches/" + id, API_KEY).json();
    }
}
