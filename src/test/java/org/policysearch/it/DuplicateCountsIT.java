package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.suggest.SuggestInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The duplicate count a search hit shows ({@code duplicates}) is stored on the representative at write time (ADR
 * 0010): right after single uploads of a file, its exact copy (other bytes, same text) and a near copy; after a batch
 * with several copies of one document; unchanged by identical re-uploads and re-runs; and the representative's
 * suggestions survive the rewrites that store it. Every text is generated at random, numbers in every sentence, so
 * no other test's document in the shared alias is a near copy of these.
 */
class DuplicateCountsIT extends AbstractServiceIT {

    private static final String[] SUBJECTS = {
        "河道保洁", "老旧小区改造", "农田水利", "垃圾分类", "夜间经济", "冷链物流", "林长制", "河湖长制", "食品安全", "消防安全"
    };
    private static final String[] ACTIONS = {
        "由街道办事处牵头组织实施", "纳入年度绩效考核", "实行周调度月通报", "安排专人驻点督导", "建立问题清单和整改台账", "组织第三方开展评估"
    };

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexManager indexManager;

    @Autowired
    SuggestInputs suggestInputs;

    @TempDir
    Path dir;

    @Test
    void singleUploadsOfCopiesCountOnTheRepresentativesHit() throws Exception {
        Http http = new Http(port, API_KEY);
        Random random = new Random();
        String title = noticeTitle(random, "河道保洁");
        String text = text(title, random);

        String representative = created(http.upload(utf8(text), "notice.txt"), null);
        created(http.upload(utf8(text + "\n\n"), "notice-copy.txt"), representative);
        assertThat(duplicatesShown(http, title, representative)).isEqualTo(1);
        created(http.upload(utf8(nearCopy(text, random)), "notice-near.txt"), representative);

        assertThat(duplicatesShown(http, title, representative))
                .as("the exact copy and the near copy, right after the upload returned")
                .isEqualTo(2);
        assertThat(stored(representative).duplicates()).isEqualTo(2);

        // Identical re-uploads (200, nothing changed) of the representative and of a copy keep the count.
        assertThat(http.upload(utf8(text), "notice.txt").status()).isEqualTo(200);
        assertThat(http.upload(utf8(text + "\n\n"), "again.txt").status()).isEqualTo(200);
        assertThat(duplicatesShown(http, title, representative)).isEqualTo(2);

        // Rewritten twice to store its count, whole: its completion inputs are still indexed.
        assertThat(Completions.byPinyin(http, suggestInputs, stored(representative)))
                .contains(representative);
    }

    @Test
    void aBatchWithSeveralCopiesCountsOnceItIsDone() throws Exception {
        Http http = new Http(port, API_KEY);
        Random random = new Random();
        String title = noticeTitle(random, "冷链物流排查");
        String text = text(title, random);
        // Sorted order is the processing order: the original first, then three copies and the same bytes again.
        Files.write(dir.resolve("1-original.txt"), utf8(text));
        Files.write(dir.resolve("2-copy.txt"), utf8(text + "\n\n"));
        Files.write(dir.resolve("3-copy.txt"), utf8("\n" + text + "\n"));
        Files.write(dir.resolve("4-near.txt"), utf8(nearCopy(text, random)));
        Files.write(dir.resolve("5-same-bytes.txt"), utf8(text));

        Map<String, JsonNode> first = runBatch(http);
        String representative = first.get("1-original.txt").path("id").asText();
        assertThat(first.get("1-original.txt").path("result").asText()).isEqualTo("INGESTED");
        for (String copy : new String[] {"2-copy.txt", "3-copy.txt", "4-near.txt"}) {
            assertThat(first.get(copy).path("result").asText()).as(copy).isEqualTo("DUPLICATE");
            assertThat(first.get(copy).path("duplicateOf").asText()).as(copy).isEqualTo(representative);
        }
        assertThat(first.get("5-same-bytes.txt").path("result").asText()).isEqualTo("UNCHANGED");
        assertThat(duplicatesShown(http, title, representative)).isEqualTo(3);

        // A second run finds everything unchanged; the count stays.
        Map<String, JsonNode> second = runBatch(http);
        second.values().forEach(o -> assertThat(o.path("result").asText()).isEqualTo("UNCHANGED"));
        assertThat(duplicatesShown(http, title, representative)).isEqualTo(3);

        // A single upload of one more copy adds to what the batch stored.
        created(http.upload(utf8(text + "\n\n\n"), "late-copy.txt"), representative);
        assertThat(duplicatesShown(http, title, representative)).isEqualTo(4);
        assertThat(Completions.byPinyin(http, suggestInputs, stored(representative)))
                .contains(representative);
    }

    /** The id of a 201 answer, checking which representative it points at. */
    private static String created(Http.Answer a, String duplicateOf) throws Exception {
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().path("duplicateOf").asText(null)).as(a.body()).isEqualTo(duplicateOf);
        return a.json().path("id").asText();
    }

    /** The {@code duplicates} of the representative's hit when its title is searched (duplicates left out). */
    private static int duplicatesShown(Http http, String title, String id) throws Exception {
        Http.Answer search = http.get("/api/search?size=50&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        for (JsonNode hit : search.json().path("hits")) {
            if (hit.path("id").asText().equals(id)) {
                return hit.path("duplicates").asInt(-1);
            }
        }
        throw new AssertionError(id + " is not among the hits for " + title + ": " + search.body());
    }

    private PolicyDocument stored(String id) throws Exception {
        return client.get(g -> g.index(indexManager.alias()).id(id), PolicyDocument.class)
                .source();
    }

    private Map<String, JsonNode> runBatch(Http http) throws Exception {
        Http.Answer started = http.postJson(
                "/api/batches",
                "{\"directory\": \"" + dir.toAbsolutePath().toString().replace("\\", "\\\\") + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode status;
        do {
            Thread.sleep(200);
            status = http.get("/api/batches/" + id).json();
        } while (!status.path("state").asText().matches("DONE|FAILED")
                && Instant.now().isBefore(deadline));
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        Map<String, JsonNode> byFile = new HashMap<>();
        status.path("outcomes").forEach(o -> byFile.put(o.path("file").asText(), o));
        return byFile;
    }

    /** A notice of twelve sentences, each with its own numbers: no two generated notices are near copies. */
    private static String text(String title, Random random) {
        StringBuilder text = new StringBuilder(title).append("\n\n各村（社区）、镇属各单位：\n\n");
        for (int s = 0; s < 12; s++) {
            text.append(sentence(random));
        }
        return text.append("\n琥珀湾镇人民政府\n").toString();
    }

    private static String sentence(Random random) {
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + "方面，" + ACTIONS[random.nextInt(ACTIONS.length)] + "，确保第"
                + random.nextInt(100_000) + "项任务在" + (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28))
                + "日前完成，安排资金" + random.nextInt(10_000) + "万元。\n";
    }

    /** The same notice with one more sentence: a near copy, not an exact one. */
    private static String nearCopy(String text, Random random) {
        int end = text.lastIndexOf("\n琥珀湾镇人民政府");
        return text.substring(0, end) + sentence(random) + text.substring(end);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A title no other test or run has: a numbered notice about {@code task}. */
    private static String noticeTitle(Random random, String task) {
        return "琥珀湾镇关于做好第" + (1000 + random.nextInt(9000)) + "批" + task + "工作的通知";
    }
}
