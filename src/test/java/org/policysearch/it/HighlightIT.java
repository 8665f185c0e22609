package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.TestDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Snippets as {@code GET /api/search} returns them: whole sentences, whole marks, escaped, right on Traditional. */
class HighlightIT extends AbstractServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENTENCE_ENDS = "。！？；\n";
    private static final Pattern MARK = Pattern.compile("<em>(.*?)</em>");

    @Autowired
    DocumentStore store;

    @LocalServerPort
    int port;

    private static String fixture(String name) throws IOException {
        try (InputStream in = HighlightIT.class.getResourceAsStream("/fixtures/search/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String put(String id, String title, String file) throws IOException {
        String text = fixture(file);
        store.put(
                TestDocument.builder(id)
                        .title(title)
                        .text(text)
                        .date("2023-05-01")
                        .source("it-highlight")
                        .type("通知")
                        .plainText()
                        .build(),
                true);
        return text;
    }

    private List<String> highlights(String q, String id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?q="
                                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode hits = JSON.readTree(response.body()).get("hits");
        List<String> out = new ArrayList<>();
        for (JsonNode hit : hits) {
            if (hit.get("id").asText().equals(id)) {
                hit.get("highlights").forEach(h -> out.add(h.asText()));
                return out;
            }
        }
        throw new AssertionError(id + " not found for " + q + ": " + response.body());
    }

    private static List<String> marks(String fragment) {
        List<String> marks = new ArrayList<>();
        Matcher m = MARK.matcher(fragment);
        while (m.find()) {
            marks.add(m.group(1));
        }
        return marks;
    }

    private static String plain(String fragment) {
        return fragment.replace("<em>", "")
                .replace("</em>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&");
    }

    /** The fragment is a run of whole sentences of {@code text}. */
    private static void assertWholeSentences(String fragment, String text) {
        String plain = plain(fragment).strip();
        int start = text.indexOf(plain);
        assertThat(start).as("fragment is verbatim text: %s", fragment).isNotNegative();
        String before = text.substring(0, start).stripTrailing();
        assertThat(before.isEmpty() || SENTENCE_ENDS.indexOf(before.charAt(before.length() - 1)) >= 0)
                .as("fragment starts at a sentence start: %s", fragment)
                .isTrue();
        String after = text.substring(start + plain.length());
        assertThat(after.isBlank()
                        || SENTENCE_ENDS.indexOf(plain.charAt(plain.length() - 1)) >= 0
                        || after.charAt(0) == '\n')
                .as("fragment ends at a sentence end: %s", fragment)
                .isTrue();
    }

    @Test
    void fragmentsAreWholeSentencesWithWholeMarks() throws Exception {
        String text = put("hl-sentences", "高亮测试甲", "sentences.txt");
        List<String> fragments = highlights("title:高亮测试甲 基层党组织", "hl-sentences");
        assertThat(fragments).isNotEmpty();
        for (String f : fragments) {
            assertWholeSentences(f, text);
            assertThat(marks(f)).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo("基层党组织"));
        }
    }

    @Test
    void theDocumentsOwnMarkupIsEscaped() throws Exception {
        String text = put("hl-markup", "高亮测试乙", "markup.txt");
        List<String> fragments = highlights("title:高亮测试乙 基层党组织", "hl-markup");
        String all = String.join("", fragments);
        assertThat(all).contains("&lt;script&gt;").doesNotContain("<script>").contains("A&amp;B");
        assertThat(all).contains("<em>基层党组织</em>");
        fragments.forEach(f -> assertWholeSentences(f, text));
    }

    @Test
    void aSimplifiedQueryMarksTheTraditionalText() throws Exception {
        String text = put("hl-traditional", "高亮测试丙", "traditional.txt");
        List<String> fragments = highlights("title:高亮测试丙 乡镇", "hl-traditional");
        assertThat(fragments).isNotEmpty();
        for (String f : fragments) {
            assertWholeSentences(f, text);
            assertThat(marks(f)).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo("鄉鎮"));
        }
        assertThat(String.join("", highlights("title:高亮测试丙 \"幹部隊伍\"", "hl-traditional")))
                .contains("<em>幹部隊伍</em>");
    }
}
