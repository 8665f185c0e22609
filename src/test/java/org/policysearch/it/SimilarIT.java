package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.TestDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** {@code GET /api/documents/{id}/similar}. */
class SimilarIT extends AbstractServiceIT {

    private static final String WASTE_A =
            "推进城市生活垃圾分类工作，建立垃圾分类投放、分类收集、分类运输、分类处理系统。" + "各地要加快厨余垃圾处理设施建设，提高可回收物回收利用率，减少有害垃圾污染。";
    private static final String WASTE_B =
            "关于生活垃圾分类的实施方案：完善分类投放和分类收集设施，厨余垃圾就地处理，" + "可回收物进入再生资源回收体系，有害垃圾集中处理，提高垃圾分类覆盖率。";
    private static final String SPACE = "载人航天工程取得重大突破，空间站建造全面完成，运载火箭发射任务圆满成功，航天员在轨驻留。";

    private static boolean indexed;

    @Autowired
    DocumentStore store;

    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void indexOnce() throws IOException {
        if (indexed) {
            return;
        }
        put("sim-a", "城市生活垃圾分类工作的通知", WASTE_A, null);
        put("sim-a-copy", "城市生活垃圾分类工作的通知（转发）", WASTE_A, "sim-a");
        put("sim-a-copy2", "转发：城市生活垃圾分类工作的通知", WASTE_A + "转发时间。", "sim-a");
        put("sim-b", "生活垃圾分类实施方案", WASTE_B, null);
        put("sim-space", "载人航天工程进展", SPACE, null);
        indexed = true;
    }

    private void put(String id, String title, String text, String duplicateOf) throws IOException {
        store.put(
                TestDocument.builder(id)
                        .title(title)
                        .text(text)
                        .date("2020-01-01")
                        .source("test")
                        .type("通知")
                        .duplicateOf(duplicateOf)
                        .build(),
                true);
    }

    private List<String> similarIds(String id) {
        var response = rest.getForEntity("/api/documents/{id}/similar?size=10", JsonNode.class, id);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.getBody().get("hits").forEach(h -> {
            assertThat(h.get("score").asDouble()).isPositive();
            assertThat(h.get("title").asText()).isNotBlank();
            ids.add(h.get("id").asText());
        });
        return ids;
    }

    @Test
    void similarDocumentComesFirstAndDuplicatesAreLeftOut() {
        List<String> ids = similarIds("sim-a");
        assertThat(ids).first().isEqualTo("sim-b");
        assertThat(ids).doesNotContain("sim-a", "sim-a-copy", "sim-a-copy2", "sim-space");
    }

    @Test
    void aDuplicateLeavesOutItsRepresentativeAndSiblings() {
        List<String> ids = similarIds("sim-a-copy");
        assertThat(ids).first().isEqualTo("sim-b");
        assertThat(ids).doesNotContain("sim-a", "sim-a-copy", "sim-a-copy2");
    }

    @Test
    void unknownDocumentIsNotFoundAndSizeIsBounded() {
        var missing = rest.getForEntity("/api/documents/none-such/similar", JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody().get("code").asText()).isEqualTo("not_found");
        assertThat(rest.getForEntity("/api/documents/sim-a/similar?size=51", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }
}
