package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policysearch.it.FaultTestSupport.outcomesByFile;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.es.LoopbackCluster;
import org.policysearch.es.TestNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a three-node loopback cluster with one replica: a node holding a primary is SIGKILLed in the middle
 * of a batch ingest. Every document the batch acknowledged must be searchable afterwards, exactly once, and search
 * must keep answering while the node is gone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=target/it-data-cluster",
            "policy.ingest.load-samples=false",
            "policy.index.alias=cluster-it",
            // A primary on every node, so whichever node is killed, writes to it must fail over to a replica.
            "policy.index.shards=3",
            "policy.index.replicas=1",
            "API_KEY=" + ClusterIT.API_KEY
        })
@DirtiesContext
class ClusterIT {

    static final String API_KEY = "it-secret";
    /** Many bulk requests of 200: on an idle box the first ones are acknowledged before the node can be killed. */
    private static final int FILES = 1200;
    /** Acknowledged files before the kill: enough to be past the first bulk requests, far from the end. */
    private static final int KILL_AFTER = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LoopbackCluster cluster;

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient client;

    @TempDir
    Path dir;

    /** Started when the context first asks for the address, so a run that skips this class starts no nodes. */
    private static synchronized LoopbackCluster cluster() {
        if (cluster == null) {
            try {
                cluster = LoopbackCluster.start(3, Path.of("target/it-cluster"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return cluster;
    }

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> cluster().uris());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingANodeMidBatchLosesNoAcknowledgedDocumentAndDuplicatesNone() throws Exception {
        List<String> files = CorpusWriter.write(dir, FILES, new Random(20250611));
        Http http = new Http(port, API_KEY);
        Http.Answer started = http.postJson(
                "/api/batches",
                JSON.createObjectNode().put("directory", dir.toString()).toString());
        assertThat(started.status()).isEqualTo(202);
        String batch = "/api/batches/" + started.json().get("id").asText();

        JsonNode atKill = awaitAcknowledged(http, batch, KILL_AFTER);
        assertThat(atKill.get("state").asText())
                .as("the batch must still be running when the node dies; make it bigger")
                .isIn("RUNNING", "WAITING");
        assertThat(acknowledgedCount(atKill))
                .as("files still to be written when the node dies; make the batch bigger")
                .isLessThan(FILES);
        TestNode victim = nodeHoldingAPrimary();
        boolean wasMaster = es(victim, "/_cat/master?format=json&h=node")
                .get(0)
                .get("node")
                .asText()
                .equals(victim.name());
        victim.kill();
        TestNode survivor =
                cluster.nodes().stream().filter(TestNode::isRunning).findFirst().orElseThrow();

        List<Integer> searchStatuses = new ArrayList<>();
        JsonNode done = awaitEnd(http, batch, searchStatuses);
        searchStatuses.add(http.get("/api/search?q=" + URLEncoder.encode("通知", StandardCharsets.UTF_8))
                .status());

        JsonNode health = es(survivor, "/_cluster/health/cluster-it?wait_for_status=yellow&timeout=60s");
        Map<String, JsonNode> outcomes = outcomesByFile(done);
        Set<String> acknowledged = idsWith(outcomes, EnumSet.of(Outcome.INGESTED, Outcome.DUPLICATE));
        Set<String> failed = idsWith(outcomes, EnumSet.of(Outcome.FAILED));
        System.out.printf(
                "ClusterIT: killed %s (master: %s) after %d acknowledged of %d; batch %s with %s; %d searches while it"
                        + " was down%n",
                victim.name(),
                wasMaster,
                acknowledgedCount(atKill),
                FILES,
                done.get("state").asText(),
                done.get("counts"),
                searchStatuses.size());
        outcomes.values().stream()
                .filter(o -> o.get("result").asText().equals("FAILED"))
                .forEach(o -> System.out.println("ClusterIT: FAILED " + o));

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("outcomes")).hasSize(FILES);
        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(searchStatuses).as("search answers while a node is gone").containsOnly(200);
        assertThat(health.get("timed_out").asBoolean()).isFalse();
        assertThat(health.get("status").asText()).isIn("yellow", "green");
        assertThat(health.get("number_of_nodes").asInt()).isEqualTo(2);
        assertThat(es(survivor, "/cluster-it/_settings")
                        .elements()
                        .next()
                        .at("/settings/index/number_of_replicas")
                        .asText())
                .isEqualTo("1");

        client.indices().refresh(r -> r.index("cluster-it"));
        assertIndexHoldsExactly(acknowledged, failed);

        // The killed node rejoins and recovers its shards: still every document once.
        victim.restart();
        JsonNode green = es(survivor, "/_cluster/health/cluster-it?wait_for_status=green&timeout=120s");
        assertThat(green.get("status").asText()).isEqualTo("green");
        assertIndexHoldsExactly(acknowledged, failed);
    }

    /**
     * Every acknowledged id is found by multi-get and by a search; the index holds nothing else but documents whose
     * write was reported failed (an answer lost after the write), and no file is in it twice.
     */
    private void assertIndexHoldsExactly(Set<String> acknowledged, Set<String> failed) throws IOException {
        var mget = client.mget(m -> m.index("cluster-it").ids(List.copyOf(acknowledged)), ObjectNode.class);
        Set<String> missing = mget.docs().stream()
                .filter(d -> !d.isResult() || !d.result().found())
                .map(d -> d.isResult() ? d.result().id() : d.failure().id())
                .collect(Collectors.toSet());
        assertThat(missing).as("acknowledged but not found by multi-get").isEmpty();

        var all = client.search(
                s -> s.index("cluster-it")
                        .size(FILES + 1)
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes("fileName")))
                        .query(q -> q.matchAll(m -> m)),
                ObjectNode.class);
        List<String> searchedIds = all.hits().hits().stream().map(Hit::id).toList();
        assertThat(searchedIds).as("acknowledged ids found by a search").containsAll(acknowledged);
        assertThat(searchedIds).doesNotHaveDuplicates();
        Set<String> unexpected = new HashSet<>(searchedIds);
        unexpected.removeAll(acknowledged);
        unexpected.removeAll(failed);
        assertThat(unexpected).as("documents no file outcome accounts for").isEmpty();
        List<String> fileNames = all.hits().hits().stream()
                .map(h -> h.source().get("fileName").asText())
                .toList();
        assertThat(fileNames).as("a file indexed twice").doesNotHaveDuplicates();

        long count = client.count(c -> c.index("cluster-it")).count();
        assertThat(count).isEqualTo(searchedIds.size());
        if (failed.isEmpty()) {
            assertThat(count).isEqualTo(acknowledged.size());
        }
    }

    /**
     * The elected master when it holds a primary (the harshest case: a new master must be elected while the
     * replica is promoted), else any node holding a primary.
     */
    private static TestNode nodeHoldingAPrimary() throws IOException, InterruptedException {
        TestNode any = cluster.nodes().get(0);
        String master =
                es(any, "/_cat/master?format=json&h=node").get(0).get("node").asText();
        List<String> holders = new ArrayList<>();
        for (JsonNode shard : es(any, "/_cat/shards/cluster-it?format=json&h=prirep,state,node")) {
            if (shard.get("prirep").asText().equals("p")
                    && shard.get("state").asText().equals("STARTED")) {
                holders.add(shard.get("node").asText());
            }
        }
        assertThat(holders).as("started primaries of cluster-it").isNotEmpty();
        return cluster.node(holders.contains(master) ? master : holders.get(0));
    }

    private static JsonNode awaitAcknowledged(Http http, String batch, int acknowledged)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = http.get(batch).json();
            if (acknowledgedCount(status) >= acknowledged || finished(status)) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Fewer than " + acknowledged + " files acknowledged within 5 minutes");
    }

    /** Polls the batch to its end, searching through the service at every poll. */
    private static JsonNode awaitEnd(Http http, String batch, List<Integer> searchStatuses)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            searchStatuses.add(http.get("/api/search?q=" + URLEncoder.encode("政策", StandardCharsets.UTF_8))
                    .status());
            JsonNode status = http.get(batch).json();
            if (finished(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The batch did not end within 5 minutes of the kill");
    }

    /** DONE or FAILED; a batch that waits for Elasticsearch (WAITING) is still running. */
    private static boolean finished(JsonNode status) {
        return status.get("state").asText().matches("DONE|FAILED");
    }

    private static int acknowledgedCount(JsonNode status) {
        return status.at("/counts/INGESTED").asInt()
                + status.at("/counts/DUPLICATE").asInt();
    }

    private enum Outcome {
        INGESTED,
        DUPLICATE,
        UNCHANGED,
        REFUSED,
        FAILED
    }

    private static Set<String> idsWith(Map<String, JsonNode> outcomes, Set<Outcome> results) {
        return outcomes.values().stream()
                .filter(o -> results.contains(Outcome.valueOf(o.get("result").asText())))
                .filter(o -> o.hasNonNull("id"))
                .map(o -> o.get("id").asText())
                .collect(Collectors.toSet());
    }

    private static JsonNode es(TestNode node, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.uri() + path))
                        .timeout(Duration.ofSeconds(150))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Distinct generated notices: varied enough that they are documents of their own, not near-duplicates. */
    static final class CorpusWriter {

        private static final String[] PLACES = {
            "青山县", "临江市", "白石镇", "东湖区", "南岭乡", "北河县", "西山街道", "云溪镇", "长宁县", "安平市",
            "柳林乡", "石桥镇", "枫桥街道", "河口县", "凤凰区", "金沙镇", "桃源乡", "平湖市", "双溪县", "龙泉街道"
        };
        private static final String[] TOPICS = {
            "农村人居环境整治",
            "高标准农田建设",
            "城乡居民医疗保险",
            "义务教育阶段学生资助",
            "安全生产大检查",
            "森林防火",
            "防汛抗旱",
            "消费品以旧换新",
            "中小企业纾困",
            "就业创业补贴",
            "老旧小区改造",
            "垃圾分类",
            "乡村振兴示范村创建",
            "基层党组织建设",
            "营商环境优化",
            "养老服务体系建设",
            "文明城市创建",
            "河湖长制",
            "耕地保护",
            "数字政府建设",
            "职业技能培训",
            "退役军人服务保障",
            "食品安全监管",
            "燃气安全专项整治",
            "未成年人保护",
            "残疾人两项补贴",
            "冬春农田水利建设",
            "夏粮收购",
            "疫苗接种",
            "电动自行车安全"
        };
        private static final String[] OPENINGS = {
            "为深入贯彻落实上级决策部署，切实做好%s工作，结合%s实际，现将有关事项通知如下。",
            "根据%s工作安排，经研究决定，在%s范围内开展专项行动，请认真抓好落实。",
            "为进一步加强%s，推动各项任务落地见效，%s制定本实施方案。"
        };
        private static final String[] PARAGRAPHS = {
            "%s要成立工作专班，明确%d名责任人，实行周调度、月通报制度，确保%s各项任务按期完成。",
            "截至%d月底，全%s已累计投入资金%d万元，完成%s项目%d个，受益群众%d户。",
            "各责任单位要于%d月%d日前将%s推进情况书面报送%s办公室，逾期未报的予以通报。",
            "对工作中发现的问题，%s要建立台账，限期%d日内整改到位，做到%s问题清零。",
            "%s将%s纳入年度目标考核，考核结果占综合评价的%d%%，与评先评优直接挂钩。",
            "加大宣传力度，通过政务新媒体发布%s信息%d条，提高群众对%s的知晓率和参与度。",
            "严格落实资金监管要求，%s专项资金实行专账核算，每%d个月公开一次使用情况。",
            "建立健全长效机制，%s每季度开展一次%s督查，督查结果在%s政府网站公布。"
        };

        private CorpusWriter() {}

        /** Writes {@code count} notices into {@code dir}; returns their file names. */
        static List<String> write(Path dir, int count, Random random) throws IOException {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String place = pick(random, PLACES);
                String topic = pick(random, TOPICS);
                StringBuilder text = new StringBuilder()
                        .append(place)
                        .append("关于做好")
                        .append(topic)
                        .append("工作的通知（第")
                        .append(i + 1)
                        .append("号）\n\n")
                        .append(pick(random, OPENINGS).formatted(topic, place))
                        .append("\n\n");
                for (int p = 0; p < 8 + random.nextInt(6); p++) {
                    text.append(paragraph(random, place)).append("\n\n");
                }
                text.append(place)
                        .append("人民政府办公室\n")
                        .append(2015 + random.nextInt(10))
                        .append("年")
                        .append(1 + random.nextInt(12))
                        .append("月")
                        .append(1 + random.nextInt(28))
                        .append("日\n");
                String name = "notice-%03d.txt".formatted(i);
                Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
                names.add(name);
            }
            return names;
        }

        private static String paragraph(Random random, String place) {
            String template = pick(random, PARAGRAPHS);
            Object[] args = new Object[7];
            int argument = 0;
            for (int at = template.indexOf('%'); at >= 0; at = template.indexOf('%', at + 2)) {
                char kind = template.charAt(at + 1);
                if (kind == 's') {
                    args[argument++] = random.nextBoolean() ? place : pick(random, TOPICS);
                } else if (kind == 'd') {
                    args[argument++] = 1 + random.nextInt(999);
                }
            }
            return template.formatted(args);
        }

        private static String pick(Random random, String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
